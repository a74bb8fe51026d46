package dev.scaleout.gateway.stats;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.BackendPool;

/**
 * Per-backend traffic meters and the filter that feeds them.
 */
@Configuration(proxyBeanMethods = false)
public final class StatsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BackendStats backendStats(BackendPool pool, MeterRegistry registry) {
		return new BackendStats(pool, registry);
	}

	@Bean
	BackendCallObserver backendCallObserver(BackendStats stats, ObjectProvider<BackendCallListener> listeners) {
		return new BackendCallObserver(stats, listeners.orderedStream().toList());
	}

}
