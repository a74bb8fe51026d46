package dev.scaleout.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad settings stop the gateway at startup with a message that names the property.
 */
class InvalidConfigurationTests {

	@Test
	void failsOnAMalformedBackendUrl() {
		assertThatThrownBy(() -> RunningGateway.start("scaleout.gateway.backends=http://127.0.0.1:8081,127.0.0.1:8082"))
			.hasStackTraceContaining("Property scaleout.gateway.backends with value '127.0.0.1:8082' is invalid");
	}

	@Test
	void failsOnABackendUrlWithAPath() {
		assertThatThrownBy(() -> RunningGateway.start("scaleout.gateway.backends=http://127.0.0.1:8081/app"))
			.hasStackTraceContaining("Property scaleout.gateway.backends with value 'http://127.0.0.1:8081/app' is invalid");
	}

	@Test
	void failsOnAnUnknownStrategy() {
		assertThatThrownBy(() -> RunningGateway.start("scaleout.gateway.strategy=fastest"))
			.hasStackTraceContaining("scaleout.gateway.strategy");
	}

	@Test
	void failsOnANegativeHealthCheckInterval() {
		assertThatThrownBy(() -> RunningGateway.start("scaleout.gateway.health.interval=-2s"))
			.hasStackTraceContaining("scaleout.gateway.health")
			.hasStackTraceContaining("interval");
	}

	@Test
	void failsOnDnsDiscoveryWithoutAHost() {
		assertThatThrownBy(() -> RunningGateway.start("scaleout.gateway.discovery=dns"))
			.hasStackTraceContaining("Property scaleout.gateway.dns.host with value 'null' is invalid");
	}

}
