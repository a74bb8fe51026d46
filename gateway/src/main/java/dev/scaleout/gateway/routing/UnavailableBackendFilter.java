package dev.scaleout.gateway.routing;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.stats.CallOutcome;

/**
 * Turns a request that could not be forwarded into a quick problem answer instead of a
 * generic error page: 503 with {@code Retry-After} when no backend could take it (none is
 * available, or the last one tried refused the connection, which health checks have not
 * noticed yet), 502 when the backend failed after the request reached it, 504 when it
 * timed out. Wraps retries, so it only sees final failures.
 */
final class UnavailableBackendFilter implements GlobalFilter, Ordered {

	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

	private final long retryAfterSeconds;

	UnavailableBackendFilter(Duration retryAfter) {
		this.retryAfterSeconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).onErrorResume((failure) -> handle(exchange, failure));
	}

	private Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		if (failure instanceof NotFoundException) {
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					"No backend is available to serve this request; retry later.", this.retryAfterSeconds);
		}
		return switch (CallOutcome.of(failure)) {
			// nothing was sent: the request can be sent again as it is, whatever its method
			case CONNECT_FAILURE -> ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					"No backend could be reached to serve this request; retry later.", this.retryAfterSeconds);
			case RESET -> ProblemResponses.write(exchange, HttpStatus.BAD_GATEWAY,
					"The backend failed before answering.", -1);
			case TIMEOUT -> ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT,
					"The backend did not answer in time.", -1);
			default -> Mono.error(failure);
		};
	}

}
