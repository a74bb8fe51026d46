package dev.scaleout.resilience;

import java.io.IOException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends each outbound {@code RestClient} request through a circuit breaker: one per target {@code host:port}, or
 * the one a request names with the attribute {@value #BREAKER_ATTRIBUTE} (also honoured by {@code WebClient}):
 *
 * <pre class="code">
 * restClient.get().uri(url).attribute(CircuitBreakerInterceptor.BREAKER_ATTRIBUTE, "inventory").retrieve()…
 * </pre>
 *
 * A connection failure, a read timeout and a 5xx answer count as failures. While the breaker is open the call
 * fails at once with Resilience4j's {@link CallNotPermittedException}, without touching the network.
 */
public final class CircuitBreakerInterceptor implements ClientHttpRequestInterceptor {

	/**
	 * The request attribute that names the breaker to use instead of the target's {@code host:port}.
	 */
	public static final String BREAKER_ATTRIBUTE = "scaleout.circuit-breaker";

	private final HttpCallBreakers breakers;

	CircuitBreakerInterceptor(HttpCallBreakers breakers) {
		this.breakers = breakers;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		CircuitBreaker breaker = this.breakers.breakerFor(request.getURI(), request.getAttributes());
		breaker.acquirePermission();
		long start = breaker.getCurrentTimestamp();
		try {
			ClientHttpResponse response = execution.execute(request, body);
			HttpCallBreakers.recordResponse(breaker, start, request.getURI(), response.getStatusCode().value());
			return response;
		}
		catch (IOException | RuntimeException ex) {
			HttpCallBreakers.recordFailure(breaker, start, ex);
			throw ex;
		}
	}

}
