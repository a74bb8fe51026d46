package dev.scaleout.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a replica receives and the client gets back, in one pass over them.
 * <p>
 * Requests (this filter): hop-by-hop headers (and those the {@code Connection} header names) are dropped, as are the client's
 * {@code Forwarded}, {@code X-Forwarded-*} and {@code X-Real-IP}, which it could forge; then
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} and {@code X-Real-IP} are set from what
 * the gateway sees. A {@code Content-Length} beside {@code Transfer-Encoding: chunked} is dropped (request
 * smuggling). Responses ({@link ResponseFilter}): hop-by-hop headers are dropped.
 * <p>
 * Spring Cloud Gateway does the same with six filters that each copy every header of every request; the
 * gateway's routing filter runs this one in their place (see {@link RoutingConfiguration}).
 */
final class ForwardingHeadersFilter implements HttpHeadersFilter, Ordered {

	static final String X_REAL_IP = "X-Real-IP";

	private static final Set<String> HOP_BY_HOP = Set.copyOf(RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST);

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = withoutHopByHop(input, true);
		ServerHttpRequest request = exchange.getRequest();
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

	private static HttpHeaders withoutHopByHop(HttpHeaders input, boolean request) {
		List<String> connectionOptions = input.getConnection();
		boolean smuggledLength = request && isChunked(input.getFirst(HttpHeaders.TRANSFER_ENCODING));
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, List<String>> header : input.headerSet()) {
			String name = header.getKey().toLowerCase(Locale.ROOT);
			boolean drop = HOP_BY_HOP.contains(name) || (!connectionOptions.isEmpty() && containsIgnoringCase(connectionOptions, name))
					|| (request && (name.startsWith("x-forwarded-") || name.equals("forwarded") || name.equals("x-real-ip")
							|| (smuggledLength && name.equals("content-length"))));
			if (!drop) {
				headers.addAll(header.getKey(), header.getValue());
			}
		}
		return headers;
	}

	private static boolean isChunked(String transferEncoding) {
		return transferEncoding != null && "chunked".equalsIgnoreCase(transferEncoding.trim());
	}

	private static boolean containsIgnoringCase(List<String> values, String name) {
		for (String value : values) {
			if (value.trim().equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	/**
	 * The response half: hop-by-hop headers are dropped.
	 */
	static final class ResponseFilter implements HttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
			return withoutHopByHop(input, false);
		}

		@Override
		public boolean supports(Type type) {
			return type == Type.RESPONSE;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 10;
		}

	}

}
