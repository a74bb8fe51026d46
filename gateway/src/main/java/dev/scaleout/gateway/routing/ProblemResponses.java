package dev.scaleout.gateway.routing;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 {@code application/problem+json} answers for requests the gateway could
 * not forward or refused itself, and for the admin API: the gateway's one writer of that format.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, long retryAfterSeconds) {
		return write(exchange, status, detail, retryAfterSeconds, HttpHeaders.EMPTY);
	}

	/**
	 * Writes a problem with headers of its own, such as the {@code Allow} of a 405.
	 */
	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, long retryAfterSeconds,
			HttpHeaders extra) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.clear();
		headers.addAll(extra);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		if (retryAfterSeconds >= 0) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		}
		byte[] bytes = body(status, detail, exchange.getRequest().getPath().value());
		headers.setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	/**
	 * The problem document, without an instance when the request's path is not to be echoed.
	 */
	public static byte[] body(HttpStatus status, String detail, @Nullable String instance) {
		String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + escape(detail) + "\""
				+ ((instance != null) ? ",\"instance\":\"" + escape(instance) + "\"" : "") + "}";
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
