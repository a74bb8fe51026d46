package dev.scaleout.actuator;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the replica's actuator.
 * <p>
 * The circuit breakers' health indicator: Resilience4j's own auto-configuration creates it only when
 * {@code management.health.circuitbreakers.enabled=true} is set, and then requires the {@link StatusAggregator} of
 * Spring Boot's health endpoint, so an application that switches the endpoint off does not start. This creates the
 * same indicator, under the same name, whenever the {@code circuitbreakers} health indicator is enabled (Spring
 * Boot's {@code management.health.circuitbreakers.enabled}, default {@code management.health.defaults.enabled}),
 * with the health endpoint's aggregator when there is one and Spring Boot's default otherwise.
 * <p>
 * The exposure warning: see {@link SensitiveEndpointsWarning}.
 */
@AutoConfiguration(after = CircuitBreakerAutoConfiguration.class,
		before = CircuitBreakersHealthIndicatorAutoConfiguration.class)
public final class ReplicaActuatorAutoConfiguration {

	/**
	 * Resilience4j's bean name, so that its own auto-configuration backs off.
	 */
	static final String CIRCUIT_BREAKERS_HEALTH_INDICATOR = "circuitBreakersHealthIndicator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CircuitBreakersHealthIndicator.class, StatusAggregator.class })
	@ConditionalOnBean({ CircuitBreakerRegistry.class, CircuitBreakerConfigurationProperties.class })
	@ConditionalOnEnabledHealthIndicator("circuitbreakers")
	static class CircuitBreakersHealthConfiguration {

		@Bean(CIRCUIT_BREAKERS_HEALTH_INDICATOR)
		@ConditionalOnMissingBean(name = CIRCUIT_BREAKERS_HEALTH_INDICATOR)
		CircuitBreakersHealthIndicator circuitBreakersHealthIndicator(CircuitBreakerRegistry registry,
				CircuitBreakerConfigurationProperties properties, ObjectProvider<StatusAggregator> statusAggregator) {
			return new CircuitBreakersHealthIndicator(registry, properties,
					statusAggregator.getIfUnique(StatusAggregator::getDefault));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnClass(PathMappedEndpoints.class)
	static class ExposureWarningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SensitiveEndpointsWarning sensitiveEndpointsWarning(ObjectProvider<PathMappedEndpoints> endpoints) {
			return new SensitiveEndpointsWarning(endpoints);
		}

	}

}
