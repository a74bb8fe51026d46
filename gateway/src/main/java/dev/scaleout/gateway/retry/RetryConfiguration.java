package dev.scaleout.gateway.retry;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.routing.ProxyProperties;

/**
 * Budgeted retries on a different backend.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
@ConditionalOnProperty(name = "scaleout.gateway.retry.enabled", matchIfMissing = true)
public final class RetryConfiguration {

	@Bean
	RetryFilter retryFilter(RetryProperties properties, ProxyProperties proxy, Clock clock,
			AvailableBackends available, MeterRegistry registry) {
		return new RetryFilter(properties, proxy.responseTimeout(), new RetryBudget(properties, clock), available,
				registry);
	}

}
