package dev.scaleout.gateway.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.balancing.SlowStart;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * The {@code backends} actuator endpoint and the reports it shares with the admin API.
 */
@Configuration(proxyBeanMethods = false)
public final class ActuateConfiguration {

	@Bean
	BackendReports backendReports(BackendPool pool, BackendHealth health, OutlierEjector ejector,
			SlowStart slowStart, BackendStats stats, OperatorControl operator) {
		return new BackendReports(pool, health, ejector, slowStart, stats, operator);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	BackendsEndpoint backendsEndpoint(BackendReports reports) {
		return new BackendsEndpoint(reports);
	}

}
