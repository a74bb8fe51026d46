package dev.scaleout.gateway.balancing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default strategy, least requests, over real backends.
 */
class LeastRequestsBalancingTests {

	@Test
	void sendsLittleTrafficToASlowBackend() {
		try (Backends backends = Backends.start(3); RunningGateway gateway = RunningGateway.start(backends.all())) {
			backends.get(0).delay(Duration.ofMillis(200));
			List<Object> responses = gateway.getConcurrently(12, 600, "/");
			assertThat(responses).allSatisfy((response) -> assertThat(((HttpResponse<?>) response).statusCode()).isEqualTo(200));
			int total = backends.all().stream().mapToInt((backend) -> backend.requests()).sum();
			assertThat(total).isEqualTo(600);
			assertThat(backends.get(0).requests()).isLessThan(600 * 15 / 100);
		}
	}

}
