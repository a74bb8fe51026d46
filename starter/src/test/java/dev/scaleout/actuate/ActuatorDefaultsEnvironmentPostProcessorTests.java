package dev.scaleout.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorDefaultsEnvironmentPostProcessorTests {

	private final ActuatorDefaultsEnvironmentPostProcessor postProcessor = new ActuatorDefaultsEnvironmentPostProcessor();

	@Test
	void exposesHealthInfoAndPrometheusOnly() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
		assertThat(environment.getProperty("management.endpoint.health.show-components")).isEqualTo("always");
	}

	@Test
	void applicationChoiceOfEndpointsWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.endpoints.web.exposure.include", "*");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("*");
	}

}
