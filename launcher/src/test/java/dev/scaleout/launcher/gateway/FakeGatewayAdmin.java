package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway's admin API on loopback, implementing its contract: rows of
 * {@code GET /api/replicas}; {@code POST /api/replicas/{host:port}/drain|maint|ready} with
 * {@code Authorization: Bearer <token>}; problems as {@code application/problem+json}
 * (401 wrong or missing token, 403 read-only without a token, 404 unknown replica).
 */
public final class FakeGatewayAdmin implements AutoCloseable {

	private static final Pattern MODE = Pattern.compile("/api/replicas/([^/]+)/(drain|maint|ready)");

	private final HttpServer server;

	private final String token;

	private final Map<String, String> modes = new LinkedHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	/**
	 * Starts the server.
	 * @param token the token writes need, {@code null} for a read-only API
	 * @param addresses the replicas it knows, {@code host:port}, all in mode ready
	 */
	public FakeGatewayAdmin(String token, String... addresses) throws IOException {
		this.token = token;
		for (String address : addresses) {
			this.modes.put(address, "ready");
		}
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/api/replicas", this::handle);
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + port());
	}

	public synchronized String mode(String address) {
		return this.modes.get(address);
	}

	/**
	 * What it was asked.
	 * @return one {@code METHOD path} per request
	 */
	public List<String> requests() {
		return this.requests;
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(exchange.getRequestMethod() + " " + path);
		if ("GET".equals(exchange.getRequestMethod()) && "/api/replicas".equals(path)) {
			String rows = this.modes.entrySet().stream().map((entry) -> row(entry.getKey(), entry.getValue()))
				.collect(Collectors.joining(","));
			answer(exchange, 200, "application/json", "{\"replicas\":[" + rows + "]}");
			return;
		}
		Matcher matcher = MODE.matcher(path);
		if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
			problem(exchange, 404, "Not Found", "No such endpoint");
			return;
		}
		if (this.token == null) {
			problem(exchange, 403, "Forbidden", "The admin API is read-only: no token is set");
			return;
		}
		if (!("Bearer " + this.token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			problem(exchange, 401, "Unauthorized", "Missing or wrong bearer token");
			return;
		}
		String address = matcher.group(1);
		if (!this.modes.containsKey(address)) {
			problem(exchange, 404, "Not Found", "No replica " + address);
			return;
		}
		this.modes.put(address, matcher.group(2));
		answer(exchange, 200, "application/json", row(address, matcher.group(2)));
	}

	private static String row(String address, String mode) {
		return "{\"address\":\"" + address + "\",\"state\":\"UP\",\"mode\":\"" + mode
				+ "\",\"weight\":100,\"ejection\":{\"state\":\"none\",\"mode\":\"n/a\"}}";
	}

	private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		answer(exchange, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
				+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
	}

	private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
