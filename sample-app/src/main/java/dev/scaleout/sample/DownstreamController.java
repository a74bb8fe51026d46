package dev.scaleout.sample;

import java.util.Map;

import dev.scaleout.instance.InstanceId;
import dev.scaleout.resilience.CircuitBreakerInterceptor;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code GET /downstream}: a call to another service through a circuit breaker, with a fallback. While the
 * breaker is open the fallback answers at once, without waiting on the dead service.
 */
@RestController
class DownstreamController {

	static final String BREAKER = "downstream";

	private final RestClient downstream;

	private final CircuitBreakerRegistry breakers;

	private final InstanceId instanceId;

	DownstreamController(RestClient.Builder builder, SampleProperties properties, CircuitBreakerRegistry breakers,
			InstanceId instanceId) {
		this.downstream = builder.baseUrl(properties.downstreamUrl().toString()).build();
		this.breakers = breakers;
		this.instanceId = instanceId;
	}

	@GetMapping("/downstream")
	Map<String, Object> call() {
		try {
			String body = this.downstream.get()
				.attribute(CircuitBreakerInterceptor.BREAKER_ATTRIBUTE, BREAKER)
				.retrieve()
				.body(String.class);
			return Map.of("source", "downstream", "body", (body != null) ? body : "", "instance",
					this.instanceId.value());
		}
		catch (CallNotPermittedException | RestClientException ex) {
			return Map.of("source", "fallback", "circuit", this.breakers.circuitBreaker(BREAKER).getState().name(),
					"instance", this.instanceId.value());
		}
	}

}
