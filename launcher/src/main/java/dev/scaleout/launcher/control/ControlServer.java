package dev.scaleout.launcher.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import dev.scaleout.launcher.DaemonThreads;

/**
 * The running {@code up}'s loopback control endpoint, which {@code status}, {@code reload},
 * {@code stop} and the replica commands call: {@code GET /status}, {@code POST /reload},
 * {@code POST /stop}, and {@code GET /replicas} (one {@code name host:port} line per
 * running replica).
 * Every call must carry the token from the state file, readable only by its owner.
 */
public final class ControlServer implements AutoCloseable {

	static final String TOKEN_HEADER = "X-Scaleout-Token";

	private final HttpServer server;

	private final String token;

	public ControlServer(String token, ControlledStack stack) throws IOException {
		this.token = token;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.named("control")));
		this.server.createContext("/status", guarded("GET", (exchange) -> answer(exchange, 200, stack.status())));
		this.server.createContext("/reload", guarded("POST", (exchange) -> {
			try {
				answer(exchange, 200, stack.reload());
			}
			catch (IOException ex) {
				throw ex;
			}
			catch (Exception ex) {
				answer(exchange, 500, "reload FAILED: " + ex + "\n");
			}
		}));
		this.server.createContext("/replicas", guarded("GET", (exchange) -> {
			StringBuilder lines = new StringBuilder();
			stack.replicaAddresses().forEach((name, address) -> lines.append(name).append(' ').append(address).append('\n'));
			answer(exchange, 200, lines.toString());
		}));
		this.server.createContext("/stop", guarded("POST", (exchange) -> {
			answer(exchange, 202, "stopping\n");
			stack.stopInBackground();
		}));
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	private HttpHandler guarded(String method, HttpHandler handler) {
		return (exchange) -> {
			try {
				if (!this.token.equals(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
					answer(exchange, 403, "missing or wrong " + TOKEN_HEADER + "\n");
				}
				else if (!method.equals(exchange.getRequestMethod())) {
					answer(exchange, 405, "use " + method + "\n");
				}
				else {
					handler.handle(exchange);
				}
			}
			catch (Exception ex) {
				answer(exchange, 500, ex + "\n");
			}
		};
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
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
