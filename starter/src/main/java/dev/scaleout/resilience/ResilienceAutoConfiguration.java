package dev.scaleout.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of circuit breakers for outbound calls: every {@link RestClient} made from Spring Boot's
 * {@code RestClient.Builder} calls through a Resilience4j breaker from the application's
 * {@link CircuitBreakerRegistry}, so {@code /actuator/circuitbreakers}, the health indicator and the metrics show
 * them all.
 *
 * @see ResilienceProperties
 * @see CircuitBreakerInterceptor
 */
@AutoConfiguration(after = CircuitBreakerAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, CircuitBreakerRegistry.class })
@ConditionalOnBean(CircuitBreakerRegistry.class)
@ConditionalOnBooleanProperty(name = "scaleout.resilience.rest-client-enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public final class ResilienceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerInterceptor circuitBreakerInterceptor(CircuitBreakerRegistry registry) {
		return new CircuitBreakerInterceptor(registry);
	}

	@Bean
	RestClientCustomizer circuitBreakerRestClientCustomizer(CircuitBreakerInterceptor interceptor) {
		return (builder) -> builder.requestInterceptor(interceptor);
	}

}
