package dev.scaleout.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses requests of a client over its rate with a 429 problem, before any backend is
 * chosen.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final RedisTokenBucket bucket;

	RateLimitFilter(RedisTokenBucket bucket) {
		this.bucket = bucket;
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return this.bucket.take(client(exchange)).flatMap((decision) -> {
			if (decision.remaining() >= 0) {
				exchange.getResponse().getHeaders().set(REMAINING_HEADER, String.valueOf(decision.remaining()));
			}
			if (decision.allowed()) {
				return chain.filter(exchange);
			}
			return decision.redisUnavailable()
					? refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE, "The rate limiter is unavailable; retry later.")
					: refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; slow down.");
		});
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
