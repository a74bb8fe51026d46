package dev.scaleout.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} twin of {@link CircuitBreakerInterceptor}: the same breakers, names and failure rules,
 * without blocking. While the breaker is open the exchange fails at once with {@code CallNotPermittedException}.
 */
final class CircuitBreakerExchangeFilter implements ExchangeFilterFunction {

	private final HttpCallBreakers breakers;

	CircuitBreakerExchangeFilter(HttpCallBreakers breakers) {
		this.breakers = breakers;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			CircuitBreaker breaker = this.breakers.breakerFor(request.url(), request.attributes());
			breaker.acquirePermission();
			long start = breaker.getCurrentTimestamp();
			return next.exchange(request)
				.doOnNext((response) -> HttpCallBreakers.recordResponse(breaker, start, request.url(),
						response.statusCode().value()))
				.doOnError((failure) -> HttpCallBreakers.recordFailure(breaker, start, failure))
				.doOnCancel(breaker::releasePermission);
		});
	}

}
