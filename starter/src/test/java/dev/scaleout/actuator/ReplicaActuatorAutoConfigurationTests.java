package dev.scaleout.actuator;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
				CircuitBreakersHealthIndicatorAutoConfiguration.class, ReplicaActuatorAutoConfiguration.class));

	@Test
	void breakersHaveAHealthIndicatorWithoutTheHealthEndpoint() {
		this.runner.withPropertyValues("resilience4j.circuitbreaker.configs.default.register-health-indicator=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CircuitBreakersHealthIndicator.class);
				context.getBean(CircuitBreakerRegistry.class).circuitBreaker("downstream");
				assertThat(context.getBean(CircuitBreakersHealthIndicator.class).health().getStatus().getCode())
					.isEqualTo("UP");
			});
	}

	@Test
	void takesTheNameResilience4jsAutoConfigurationBacksOffFor() {
		this.runner.withPropertyValues("management.health.circuitbreakers.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CircuitBreakersHealthIndicator.class)
				.hasBean(ReplicaActuatorAutoConfiguration.CIRCUIT_BREAKERS_HEALTH_INDICATOR));
	}

	@Test
	void followsSpringBootsHealthIndicatorSwitches() {
		this.runner.withPropertyValues("management.health.circuitbreakers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakersHealthIndicator.class));
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakersHealthIndicator.class));
	}

	@Test
	void backsOffForABeanOfTheSameName() {
		this.runner
			.withBean(ReplicaActuatorAutoConfiguration.CIRCUIT_BREAKERS_HEALTH_INDICATOR, HealthIndicator.class,
					() -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakersHealthIndicator.class));
	}

	@Test
	void theExposureWarningNamesOnlySensitiveEndpoints() {
		assertThat(SensitiveEndpointsWarning.message(SensitiveEndpointsWarning.SENSITIVE))
			.contains("env,configprops,beans,heapdump,threaddump,loggers,shutdown,sessions,mappings");
	}

}
