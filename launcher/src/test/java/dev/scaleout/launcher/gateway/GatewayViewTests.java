package dev.scaleout.launcher.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the gateway's {@code GET /actuator/backends}.
 */
class GatewayViewTests {

	@Test
	void readsEachBackendsUrlAndState() {
		String json = """
				[{"url":"http://127.0.0.1:9001","state":"UP","weight":1,"inFlight":0,"total":12,"failures":0,
				"ejections":0,"p50Millis":1.2,"p99Millis":3.4},
				{"url":"http://127.0.0.1:9002","state":"STARTING","weight":1,"inFlight":0,"total":0,"failures":0,
				"ejections":0,"p50Millis":0.0,"p99Millis":0.0}]""";
		assertThat(GatewayView.parse(json)).containsExactly(
				org.assertj.core.api.Assertions.entry("http://127.0.0.1:9001", "UP"),
				org.assertj.core.api.Assertions.entry("http://127.0.0.1:9002", "STARTING"));
	}

	@Test
	void anEmptyPoolHasNoBackends() {
		assertThat(GatewayView.parse("[]")).isEmpty();
	}

}
