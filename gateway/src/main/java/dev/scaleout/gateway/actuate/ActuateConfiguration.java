package dev.scaleout.gateway.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.balancing.SlowStart;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * The {@code backends} actuator endpoint.
 */
@Configuration(proxyBeanMethods = false)
public final class ActuateConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint
	BackendsEndpoint backendsEndpoint(BackendPool pool, BackendHealth health, OutlierEjector ejector,
			SlowStart slowStart, BackendStats stats) {
		return new BackendsEndpoint(pool, health, ejector, slowStart, stats);
	}

}
