package dev.scaleout.defaults;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaDefaultsEnvironmentPostProcessorTests {

	private final ReplicaDefaultsEnvironmentPostProcessor postProcessor = new ReplicaDefaultsEnvironmentPostProcessor();

	@Test
	void exposesOnlyEndpointsThatNeitherLeakNorStopTheProcess() {
		MockEnvironment environment = postProcess(new MockEnvironment());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus,circuitbreakers,replication");
		assertThat(environment.getProperty("management.endpoint.health.show-components")).isEqualTo("always");
	}

	@Test
	void setsExplicitTimeLimitsForRedisAndOutboundHttp() {
		MockEnvironment environment = postProcess(new MockEnvironment());
		assertThat(environment.getProperty("spring.data.redis.timeout")).isEqualTo("1s");
		assertThat(environment.getProperty("spring.http.clients.connect-timeout")).isEqualTo("2s");
		assertThat(environment.getProperty("spring.http.clients.read-timeout")).isEqualTo("5s");
	}

	@Test
	void setsCircuitBreakerThresholdsCloseToTheNodeRecipe() {
		MockEnvironment environment = postProcess(new MockEnvironment());
		String prefix = "resilience4j.circuitbreaker.configs.default.";
		assertThat(environment.getProperty(prefix + "minimum-number-of-calls")).isEqualTo("5");
		assertThat(environment.getProperty(prefix + "failure-rate-threshold")).isEqualTo("50");
		assertThat(environment.getProperty(prefix + "wait-duration-in-open-state")).isEqualTo("30s");
	}

	@Test
	void observesRequestsButNotEachSecurityFilterOrRedisCommand() {
		MockEnvironment environment = postProcess(new MockEnvironment());
		assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
		assertThat(environment.getProperty("management.observations.enable.lettuce")).isEqualTo("false");
		assertThat(environment.getProperty("management.observations.enable.http.server.requests")).isNull();
	}

	@Test
	void leavesProblemDetailsToTheStarterSoThatBrowsersKeepHtmlErrorPages() {
		MockEnvironment environment = postProcess(new MockEnvironment());
		assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isNull();
	}

	@Test
	void applicationValuesWin() {
		MockEnvironment environment = postProcess(new MockEnvironment()
			.withProperty("management.endpoints.web.exposure.include", "*")
			.withProperty("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "5s"));
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("*");
		assertThat(environment.getProperty("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state"))
			.isEqualTo("5s");
	}

	private MockEnvironment postProcess(MockEnvironment environment) {
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
