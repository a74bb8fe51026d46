package dev.scaleout.test.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny replica for gateway tests: a real HTTP server on 127.0.0.1 that answers every
 * request with {@code X-Instance-Id}, a configurable status and delay, and answers its
 * readiness path {@code /actuator/health/readiness} with 200 (or a configurable status).
 * It can be killed (listener and connections closed at once) and started again on the
 * same port.
 */
public final class LoopbackBackend implements AutoCloseable {

	/** The readiness path the gateway probes by default. */
	public static final String READINESS_PATH = "/actuator/health/readiness";

	static {
		// headers and body are written separately; without TCP_NODELAY each answer waits
		// for the client's delayed ACK (about 40 ms)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final String instanceId;

	private final ExecutorService executor;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger healthChecks = new AtomicInteger();

	private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();

	private volatile int status = 200;

	private volatile int healthStatus = 200;

	private volatile Map<String, String> extraHeaders = Map.of();

	private volatile Duration delay = Duration.ZERO;

	private volatile Duration bodyDelay = Duration.ZERO;

	private volatile HttpServer server;

	private final int port;

	private LoopbackBackend(String instanceId, int port) {
		this.instanceId = instanceId;
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "loopback-" + instanceId);
			thread.setDaemon(true);
			return thread;
		});
		this.server = bind(port);
		this.port = this.server.getAddress().getPort();
	}

	/**
	 * Starts a backend on a free loopback port.
	 * @param instanceId the value of its {@code X-Instance-Id} header
	 * @return the running backend
	 */
	public static LoopbackBackend start(String instanceId) {
		return new LoopbackBackend(instanceId, 0);
	}

	/**
	 * The base URL, {@code http://127.0.0.1:port}.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The port the backend listens on, kept across {@link #restart()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The instance id the backend answers with.
	 * @return the id
	 */
	public String instanceId() {
		return this.instanceId;
	}

	/**
	 * Requests served, not counting readiness probes.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Readiness probes served.
	 * @return the count
	 */
	public int healthChecks() {
		return this.healthChecks.get();
	}

	/**
	 * The requests served (not readiness probes), oldest first.
	 * @return a snapshot
	 */
	public List<RecordedRequest> recordedRequests() {
		return List.copyOf(this.recorded);
	}

	/**
	 * Sets the status of every answer but readiness probes.
	 * @param status the HTTP status
	 * @return this backend
	 */
	public LoopbackBackend respondWith(int status) {
		this.extraHeaders = Map.of();
		this.status = status;
		return this;
	}

	/**
	 * Sets the status of every answer but readiness probes, with one extra header.
	 * @param status the HTTP status
	 * @param headerName the name of the header, {@code Retry-After} say
	 * @param headerValue its value
	 * @return this backend
	 */
	public LoopbackBackend respondWith(int status, String headerName, String headerValue) {
		this.extraHeaders = Map.of(headerName, headerValue);
		this.status = status;
		return this;
	}

	/**
	 * Sets the status of readiness probes.
	 * @param status the HTTP status
	 * @return this backend
	 */
	public LoopbackBackend readiness(int status) {
		this.healthStatus = status;
		return this;
	}

	/**
	 * Delays every answer but readiness probes.
	 * @param delay the service time to simulate
	 * @return this backend
	 */
	public LoopbackBackend delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	/**
	 * Sends the response headers of every answer but readiness probes at once and the
	 * body only after a pause, like a backend that streams.
	 * @param bodyDelay the pause between the headers and the body
	 * @return this backend
	 */
	public LoopbackBackend bodyDelay(Duration bodyDelay) {
		this.bodyDelay = bodyDelay;
		return this;
	}

	/**
	 * Stops listening and drops every open connection at once, like {@code kill -9}.
	 */
	public void kill() {
		HttpServer server = this.server;
		if (server != null) {
			this.server = null;
			server.stop(0);
		}
	}

	/**
	 * Starts listening again on the same port after {@link #kill()}.
	 */
	public void restart() {
		if (this.server == null) {
			this.server = bind(this.port);
		}
	}

	/**
	 * Whether the backend is listening.
	 * @return {@code false} after {@link #kill()}
	 */
	public boolean isRunning() {
		return this.server != null;
	}

	@Override
	public void close() {
		kill();
		this.executor.shutdownNow();
	}

	private HttpServer bind(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
			server.createContext("/", this::handle);
			server.setExecutor(this.executor);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port, ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] requestBody;
			try (InputStream in = exchange.getRequestBody()) {
				requestBody = in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			if (READINESS_PATH.equals(path)) {
				this.healthChecks.incrementAndGet();
				answer(exchange, this.healthStatus, "{\"status\":\"" + (this.healthStatus == 200 ? "UP" : "DOWN") + "\"}");
				return;
			}
			this.requests.incrementAndGet();
			this.recorded.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
					copy(exchange.getRequestHeaders()), new String(requestBody, StandardCharsets.UTF_8)));
			pause(this.delay);
			String body = "{\"instance\":\"" + this.instanceId + "\"}";
			this.extraHeaders.forEach(exchange.getResponseHeaders()::set);
			if (this.bodyDelay.isZero()) {
				answer(exchange, this.status, body);
			}
			else {
				stream(exchange, this.status, body);
			}
		}
	}

	private static void pause(Duration delay) {
		if (!delay.isZero()) {
			try {
				// simulates service time; not a wait for a condition
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void stream(HttpExchange exchange, int status, String body) throws IOException {
		setHeaders(exchange);
		exchange.sendResponseHeaders(status, 0); // chunked: the headers go out now
		try (OutputStream out = exchange.getResponseBody()) {
			out.flush();
			pause(this.bodyDelay);
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
	}

	private void setHeaders(HttpExchange exchange) {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Instance-Id", this.instanceId);
	}

	private void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		setHeaders(exchange);
		exchange.sendResponseHeaders(status, ("HEAD".equals(exchange.getRequestMethod())) ? -1 : bytes.length);
		if (!"HEAD".equals(exchange.getRequestMethod())) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static Map<String, List<String>> copy(Headers headers) {
		return Map.copyOf(headers);
	}

	/**
	 * A request the backend served.
	 *
	 * @param method the HTTP method
	 * @param uri the request URI (path and query)
	 * @param headers the request headers, names as the JDK server normalised them
	 * @param body the request body as UTF-8
	 */
	public record RecordedRequest(String method, String uri, Map<String, List<String>> headers, String body) {

		/**
		 * The first value of a header, ignoring case.
		 * @param name the header name
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
