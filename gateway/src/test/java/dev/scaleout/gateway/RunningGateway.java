package dev.scaleout.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scaleout.test.http.LoopbackBackend;

/**
 * The gateway application started for real on a free loopback port, with a plain JDK
 * HTTP client to call it.
 */
public final class RunningGateway implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient client;

	private final String baseUrl;

	private RunningGateway(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Starts the gateway in front of some backends.
	 * @param backends the backends, listed in {@code scaleout.gateway.backends}
	 * @param properties further {@code name=value} properties
	 * @return the running gateway
	 */
	public static RunningGateway start(List<LoopbackBackend> backends, String... properties) {
		String urls = backends.stream().map(LoopbackBackend::url).collect(Collectors.joining(","));
		return start(Stream.concat(Stream.of("scaleout.gateway.backends=" + urls), Stream.of(properties))
			.toArray(String[]::new));
	}

	/**
	 * Starts the gateway.
	 * @param properties {@code name=value} properties
	 * @return the running gateway
	 */
	public static RunningGateway start(String... properties) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		args.add("--spring.main.banner-mode=off");
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningGateway(new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new)));
	}

	/**
	 * The application context, to reach beans.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Sends a GET.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Sends a POST with a body.
	 * @param path the path
	 * @param body the body
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Sends a request.
	 * @param request the request, with a URI from {@link #uri}
	 * @return the response
	 */
	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The gateway URL of a path.
	 * @param path the path
	 * @return the absolute URI
	 */
	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/**
	 * Sends GETs from several client threads at once.
	 * @param concurrency the number of client threads
	 * @param total the number of requests
	 * @param path the path
	 * @return every response, or the exception it failed with
	 */
	public List<Object> getConcurrently(int concurrency, int total, String path) {
		ExecutorService clients = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Object>> results = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				results.add(clients.submit((Callable<Object>) () -> {
					try {
						return get(path);
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			List<Object> responses = new ArrayList<>();
			for (Future<Object> result : results) {
				responses.add(result.get());
			}
			return responses;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
