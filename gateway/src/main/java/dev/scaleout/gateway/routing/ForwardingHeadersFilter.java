package dev.scaleout.gateway.routing;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the replicas who the client is: {@code X-Forwarded-For}, {@code -Proto},
 * {@code -Host}, {@code -Port} and {@code X-Real-IP}. The gateway is the front door, so
 * these headers are set from what it sees, never copied from the client, which could
 * forge them.
 */
final class ForwardingHeadersFilter implements HttpHeadersFilter, Ordered {

	static final String X_REAL_IP = "X-Real-IP";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(input);
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote != null && remote.getAddress() != null) {
			String client = remote.getAddress().getHostAddress();
			headers.set("X-Forwarded-For", client);
			headers.set(X_REAL_IP, client);
		}
		String scheme = request.getURI().getScheme();
		headers.set("X-Forwarded-Proto", scheme);
		String host = request.getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			headers.set("X-Forwarded-Host", host);
		}
		int port = request.getURI().getPort();
		headers.set("X-Forwarded-Port", String.valueOf((port != -1) ? port : "https".equals(scheme) ? 443 : 80));
		return headers;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		// after Spring Cloud Gateway has removed the client's forwarding headers
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
