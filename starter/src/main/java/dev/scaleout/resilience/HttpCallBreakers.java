package dev.scaleout.resilience;

import java.net.URI;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * What every HTTP client's breaker shares: which breaker a request goes through, and what counts as a failure.
 */
final class HttpCallBreakers {

	private final CircuitBreakerRegistry registry;

	HttpCallBreakers(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The breaker the request names with {@link CircuitBreakerInterceptor#BREAKER_ATTRIBUTE}, or the one of its
	 * target {@code host:port}.
	 */
	CircuitBreaker breakerFor(URI uri, Map<String, Object> attributes) {
		Object named = attributes.get(CircuitBreakerInterceptor.BREAKER_ATTRIBUTE);
		if (named != null) {
			return this.registry.circuitBreaker(named.toString());
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
		return this.registry.circuitBreaker(uri.getHost() + ":" + port);
	}

	/**
	 * Records an answer: a 5xx is a failure although it is no exception for the caller.
	 */
	static void recordResponse(CircuitBreaker breaker, long start, URI uri, int status) {
		long duration = breaker.getCurrentTimestamp() - start;
		if (status >= 500) {
			breaker.onError(duration, breaker.getTimestampUnit(), new ServerErrorResponse(uri, status));
		}
		else {
			breaker.onSuccess(duration, breaker.getTimestampUnit());
		}
	}

	static void recordFailure(CircuitBreaker breaker, long start, Throwable failure) {
		breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
	}

	/**
	 * What the breaker records for a 5xx answer.
	 */
	static final class ServerErrorResponse extends RuntimeException {

		ServerErrorResponse(URI uri, int status) {
			super(uri + " answered " + status, null, false, false);
		}

	}

}
