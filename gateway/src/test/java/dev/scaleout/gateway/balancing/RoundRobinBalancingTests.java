package dev.scaleout.gateway.balancing;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Round robin and weighted balancing over real backends.
 */
class RoundRobinBalancingTests {

	@Test
	void spreadsRequestsEvenlyOverThreeBackends() {
		try (Backends backends = Backends.start(3);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.strategy=round-robin")) {
			Map<String, Long> perInstance = countByInstance(gateway, 300);
			assertThat(perInstance).containsOnlyKeys("replica-1", "replica-2", "replica-3");
			assertThat(perInstance.values()).allSatisfy((count) -> assertThat(count).isCloseTo(100L, within(20L)));
		}
	}

	@Test
	void sendsThreeTimesAsManyRequestsToABackendOfWeightThree() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start("scaleout.gateway.strategy=weighted",
						"scaleout.gateway.backends=" + backends.get(0).url() + ";weight=3," + backends.get(1).url())) {
			Map<String, Long> perInstance = countByInstance(gateway, 400);
			double ratio = (double) perInstance.get("replica-1") / perInstance.get("replica-2");
			assertThat(ratio).isCloseTo(3.0, within(0.3));
		}
	}

	private static Map<String, Long> countByInstance(RunningGateway gateway, int requests) {
		return gateway.getConcurrently(4, requests, "/")
			.stream()
			.map((response) -> (HttpResponse<?>) response)
			.map((response) -> response.headers().firstValue("X-Instance-Id").orElse("none"))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
