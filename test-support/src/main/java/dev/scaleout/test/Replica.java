package dev.scaleout.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One replica of the application under test: a full Spring Boot application in this JVM, with its embedded web
 * server on a loopback port that stays the same across restarts, so that the gateway finds it again.
 * <p>
 * What differs from a replica in a process of its own: the replicas share the JVM's heap, class loader and static
 * state; a {@link #kill() kill} stops the web server at once (open connections are closed, no drain, no session
 * saved) but the rest of the application context is then closed in the background, where a killed process would
 * run no code at all.
 */
public final class Replica {

	private final int index;

	private final String id;

	private final Class<?> application;

	/**
	 * Whether the application runs as a WebFlux one even with Spring MVC on the class path.
	 */
	private final boolean webFlux;

	private final List<String> arguments;

	private final SessionLedger sessions;

	private int port;

	private @Nullable ConfigurableApplicationContext context;

	Replica(int index, Class<?> application, boolean webFlux, List<String> arguments, SessionLedger sessions) {
		this.index = index;
		this.id = "replica-" + (char) ('a' + index);
		this.application = application;
		this.webFlux = webFlux;
		this.arguments = List.copyOf(arguments);
		this.sessions = sessions;
	}

	/**
	 * Starts the application, on a free port the first time and on the same port afterwards.
	 */
	synchronized void start() {
		if (this.context != null) {
			return;
		}
		List<String> args = new ArrayList<>(List.of("--server.port=" + this.port, "--server.address=127.0.0.1",
				"--scaleout.instance.id=" + this.id));
		args.addAll(this.arguments);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(this.application).main(this.application)
			.initializers(new SessionRecorder.Installer(this.sessions, this.index), new OwnNettyResources());
		if (this.webFlux) {
			builder.web(WebApplicationType.REACTIVE);
		}
		ConfigurableApplicationContext started = builder.run(args.toArray(String[]::new));
		this.port = ((WebServerApplicationContext) started).getWebServer().getPort();
		this.context = started;
	}

	/**
	 * Closes the application the way SIGTERM does: readiness turns to refusing traffic, the drain runs, in-flight
	 * requests finish within the graceful shutdown's timeout.
	 */
	synchronized void stop() {
		if (this.context != null) {
			ConfigurableApplicationContext stopping = this.context;
			this.context = null;
			stopping.close();
		}
	}

	/**
	 * Stops the web server at once, as a crash would: open connections are closed, requests in flight get no
	 * answer, no drain. The application context is closed afterwards, in the background, to free its resources.
	 */
	synchronized void kill() {
		if (this.context != null) {
			ConfigurableApplicationContext killed = this.context;
			this.context = null;
			((WebServerApplicationContext) killed).getWebServer().stop();
			Thread cleanUp = new Thread(killed::close, this.id + "-killed");
			cleanUp.setDaemon(true);
			cleanUp.start();
		}
	}

	/**
	 * The replica's index, from 0.
	 * @return the index
	 */
	public int index() {
		return this.index;
	}

	/**
	 * The replica's instance id, {@code scaleout.instance.id}: {@code replica-a}, {@code replica-b} …
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Whether the replica is running: started, and neither stopped nor killed since.
	 * @return {@code true} when running
	 */
	public synchronized boolean isRunning() {
		return this.context != null;
	}

	/**
	 * The replica's base URI, as the gateway lists it; the same after a restart.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * The URI of a path on this replica.
	 * @param path the path, starting with a slash, with its query if any
	 * @return the absolute loopback URI
	 */
	public URI uri(String path) {
		return URI.create(baseUri() + path);
	}

	/**
	 * The replica's application context, to reach its beans.
	 * @return the running context
	 * @throws IllegalStateException when the replica is not running
	 */
	public synchronized ConfigurableApplicationContext context() {
		if (this.context == null) {
			throw new IllegalStateException(this.id + " is not running: restart it with Replicas.restart("
					+ this.index + ")");
		}
		return this.context;
	}

	/**
	 * A bean of the running replica.
	 * @param <T> the bean's type
	 * @param type the bean's type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

	@Override
	public String toString() {
		return this.id + " (" + baseUri() + (isRunning() ? "" : ", not running") + ")";
	}

}
