package dev.scaleout.resilience;

import java.io.IOException;
import java.net.URI;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends each outbound request through a circuit breaker: one per target {@code host:port}, or the one a request
 * names with the attribute {@value #BREAKER_ATTRIBUTE}:
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

	private final CircuitBreakerRegistry registry;

	CircuitBreakerInterceptor(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		CircuitBreaker breaker = this.registry.circuitBreaker(breakerName(request));
		breaker.acquirePermission();
		long start = breaker.getCurrentTimestamp();
		try {
			ClientHttpResponse response = execution.execute(request, body);
			long duration = breaker.getCurrentTimestamp() - start;
			if (response.getStatusCode().is5xxServerError()) {
				breaker.onError(duration, breaker.getTimestampUnit(),
						new ServerErrorResponse(request.getURI(), response.getStatusCode().value()));
			}
			else {
				breaker.onSuccess(duration, breaker.getTimestampUnit());
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), ex);
			throw ex;
		}
	}

	static String breakerName(HttpRequest request) {
		Object named = request.getAttributes().get(BREAKER_ATTRIBUTE);
		if (named != null) {
			return named.toString();
		}
		URI uri = request.getURI();
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
		return uri.getHost() + ":" + port;
	}

	/**
	 * What the breaker records for a 5xx answer, which is not an exception for the caller.
	 */
	static final class ServerErrorResponse extends RuntimeException {

		ServerErrorResponse(URI uri, int status) {
			super(uri + " answered " + status, null, false, false);
		}

	}

}
