package dev.scaleout.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import dev.scaleout.gateway.admin.AdminServer;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.http.LoopbackBackend;

/**
 * The gateway application started for real on a free loopback port, with an HTTP client to call it.
 */
public final class RunningGateway implements AutoCloseable {

	private final RunningApp app;

	private final CookieJarClient client = new CookieJarClient();

	private RunningGateway(RunningApp app) {
		this.app = app;
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
		args.add("--spring.main.banner-mode=off");
		// several gateways run at once in some tests: each admin server on a port of its own
		args.add("--scaleout.gateway.admin.port=0");
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningGateway(RunningApp.start(GatewayApplication.class, args.toArray(String[]::new)));
	}

	/**
	 * The application context, to reach beans.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.app.context();
	}

	/**
	 * The base URI of the admin server.
	 * @param path the path
	 * @return the URI
	 */
	public URI adminUri(String path) {
		return URI.create("http://127.0.0.1:" + context().getBean(AdminServer.class).port() + path);
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
		return this.client.send(request);
	}

	/**
	 * The gateway URL of a path.
	 * @param path the path
	 * @return the absolute URI
	 */
	public URI uri(String path) {
		return this.app.uri(path);
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
		this.app.close();
	}

}
