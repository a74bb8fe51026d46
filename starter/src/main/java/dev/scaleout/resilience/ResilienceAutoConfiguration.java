package dev.scaleout.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of circuit breakers for outbound calls: every {@link RestClient} — and {@link WebClient}, when
 * present — made from Spring Boot's builders calls through a Resilience4j breaker from the application's
 * {@link CircuitBreakerRegistry}, so {@code /actuator/circuitbreakers}, the health indicator and the metrics show
 * them all.
 *
 * @see ResilienceProperties
 * @see CircuitBreakerInterceptor
 */
@AutoConfiguration(after = CircuitBreakerAutoConfiguration.class)
@ConditionalOnClass(CircuitBreakerRegistry.class)
@ConditionalOnBean(CircuitBreakerRegistry.class)
@ConditionalOnBooleanProperty(name = "scaleout.resilience.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public final class ResilienceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HttpCallBreakers httpCallBreakers(CircuitBreakerRegistry registry) {
		return new HttpCallBreakers(registry);
	}

	@Bean
	@ConditionalOnMissingBean(name = "outboundBreakersReplicationCheck")
	OutboundBreakersCheck outboundBreakersReplicationCheck(ConfigurableListableBeanFactory beans) {
		return new OutboundBreakersCheck(beans, beans.getBeanClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientBreakerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerInterceptor circuitBreakerInterceptor(HttpCallBreakers breakers) {
			return new CircuitBreakerInterceptor(breakers);
		}

		@Bean
		RestClientCustomizer circuitBreakerRestClientCustomizer(CircuitBreakerInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientBreakerConfiguration {

		@Bean
		WebClientCustomizer circuitBreakerWebClientCustomizer(HttpCallBreakers breakers) {
			CircuitBreakerExchangeFilter filter = new CircuitBreakerExchangeFilter(breakers);
			return (builder) -> builder.filter(filter);
		}

	}

}
