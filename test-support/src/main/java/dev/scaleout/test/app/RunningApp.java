package dev.scaleout.test.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application started in this JVM on a random loopback port, the way a replica runs: a full
 * application context with its embedded web server.
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts {@code application} with {@code --server.port=0}, bound to loopback, plus the given arguments.
	 * @param application the {@code @SpringBootApplication} class
	 * @param arguments command-line arguments, e.g. {@code --scaleout.instance.id=a}
	 * @return the running application
	 */
	public static RunningApp start(Class<?> application, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
		args.addAll(Arrays.asList(arguments));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).main(application)
			.run(args.toArray(String[]::new));
		return new RunningApp(context);
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * The base URI of this application, as a gateway lists its replicas: {@code http://127.0.0.1:<port>}.
	 * @return the URI, without a path
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + port());
	}

	/**
	 * The URI of a path on this application, e.g. {@code uri("/session/counter")}.
	 * @param path the path, starting with a slash
	 * @return the absolute loopback URI
	 */
	public URI uri(String path) {
		return URI.create(baseUri() + path);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Closes the context the way SIGTERM does: graceful shutdown, drain included.
	 */
	@Override
	public void close() {
		this.context.close();
	}

}
