package dev.scaleout.gateway.ejection;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.BackendPool;

/**
 * Passive outlier ejection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EjectionProperties.class)
public final class EjectionConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutlierEjector outlierEjector(BackendPool pool, EjectionProperties properties, Clock clock,
			MeterRegistry registry) {
		return new OutlierEjector(pool, properties, clock, registry);
	}

}
