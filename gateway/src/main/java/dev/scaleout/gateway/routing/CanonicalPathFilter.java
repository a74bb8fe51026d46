package dev.scaleout.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, with 400 problem+json, every request whose path is not in canonical form, before
 * anything decides whether the path is the gateway's own ({@code /actuator/**}) or a
 * replica's. The gateway, Spring's path matching and the replica's server would each
 * normalize an ambiguous path their own way, so {@code //actuator/prometheus},
 * {@code /./actuator/env}, {@code /%61ctuator/env}, {@code /actuator;x/env} or
 * {@code /actuator/health/..%2f..%2fenv} could be matched as a replica path here and served
 * as the replica's actuator there. Refused, as Spring Security's {@code StrictHttpFirewall}
 * does:
 * <ul>
 * <li>empty segments ({@code //}) and dot segments ({@code .}, {@code ..});</li>
 * <li>semicolons (path parameters), backslashes and control characters;</li>
 * <li>percent-encoded slash, backslash, percent, semicolon and control characters, and
 * percent-encoded unreserved characters (letters, digits, {@code -._~}), which RFC 3986
 * says are never to be encoded; malformed percent-encodings.</li>
 * </ul>
 * The query is not looked at: it never decides the route.
 */
final class CanonicalPathFilter implements WebFilter, Ordered {

	private static final String DETAIL = "The request path is not in canonical form (empty or dot segments, a semicolon, "
			+ "a backslash, or an encoded slash, dot, percent or unreserved character); send the path normalized.";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isCanonical(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, DETAIL, -1);
	}

	static boolean isCanonical(String rawPath) {
		if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return false;
		}
		int segmentStart = 1;
		for (int i = 1; i <= rawPath.length(); i++) {
			if (i == rawPath.length() || rawPath.charAt(i) == '/') {
				if (!isCanonicalSegment(rawPath, segmentStart, i, i == rawPath.length())) {
					return false;
				}
				segmentStart = i + 1;
			}
		}
		return true;
	}

	private static boolean isCanonicalSegment(String path, int start, int end, boolean last) {
		int length = end - start;
		if (length == 0) {
			// "/" alone and one trailing slash are canonical, an empty segment anywhere else is not
			return last;
		}
		if ((length == 1 && path.charAt(start) == '.') || (length == 2 && path.startsWith("..", start))) {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = path.charAt(i);
			if (c < 0x20 || c == 0x7f || c == ';' || c == '\\') {
				return false;
			}
			if (c == '%') {
				if (i + 2 >= end || !isAllowedEncoding(path, i)) {
					return false;
				}
				i += 2;
			}
		}
		return true;
	}

	private static boolean isAllowedEncoding(String path, int percent) {
		int high = Character.digit(path.charAt(percent + 1), 16);
		int low = Character.digit(path.charAt(percent + 2), 16);
		if (high < 0 || low < 0) {
			return false;
		}
		char decoded = (char) (high * 16 + low);
		boolean unreserved = (decoded >= 'a' && decoded <= 'z') || (decoded >= 'A' && decoded <= 'Z')
				|| (decoded >= '0' && decoded <= '9') || decoded == '-' || decoded == '.' || decoded == '_'
				|| decoded == '~';
		return !unreserved && decoded >= 0x20 && decoded != 0x7f && decoded != '/' && decoded != '\\'
				&& decoded != '%' && decoded != ';';
	}

}
