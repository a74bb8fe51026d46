import java.util.concurrent.atomic.AtomicInteger;

import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The least a proxy built on Reactor Netty does: one HTTP server, one pooled HTTP client, round robin over
 * the backends, request and response headers passed on as they are, no routing, filters, retries, health or
 * metrics. Spring Cloud Gateway Server WebFlux (and so the Scaleout gateway) runs on the same server and client,
 * so this bounds what any gateway on that stack can reach on a machine: bench/run measures it as the target
 * {@code reactor-netty} beside nginx. Run with the gateway's libraries on the class path:
 * {@code java -cp 'lib/*' BareProxy.java <port> <backend-url>,<backend-url>...}
 */
public final class BareProxy {

	public static void main(String[] args) {
		int port = Integer.parseInt(args[0]);
		String[] backends = args[1].split(",");
		HttpClient client = HttpClient.create(ConnectionProvider.builder("backends").maxConnections(512).build());
		AtomicInteger next = new AtomicInteger();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> client
				.headers((headers) -> headers.set(request.requestHeaders()).remove("Connection").remove("Host"))
				.request(request.method())
				.uri(backends[Math.floorMod(next.getAndIncrement(), backends.length)] + request.uri())
				.send(request.receive().retain())
				.response((backendResponse, body) -> response.status(backendResponse.status())
					.headers(backendResponse.responseHeaders())
					.send(body.retain()))
				.then())
			.bindNow();
		System.out.println("BareProxy listening on 127.0.0.1:" + port);
		server.onDispose().block();
	}

}
