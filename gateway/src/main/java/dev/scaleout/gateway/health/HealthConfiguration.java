package dev.scaleout.gateway.health;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.operator.ReplicaMode;

/**
 * Active health checks of the replica pool, and the signal of a replica shutting down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthCheckProperties.class)
public final class HealthConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BackendHealth backendHealth(BackendPool pool, HealthCheckProperties properties, Clock clock) {
		return new BackendHealth(pool, properties, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "scaleout.gateway.health.enabled", matchIfMissing = true)
	ActiveHealthChecker activeHealthChecker(BackendPool pool, BackendHealth health, HealthCheckProperties properties,
			ObjectProvider<BackendHealthListener> listeners, OperatorControl operator) {
		// a replica in maintenance is not probed: whatever it answers, it gets no traffic
		return new ActiveHealthChecker(pool, health, properties, listeners.orderedStream().toList(),
				(backend) -> operator.setting(backend).mode() != ReplicaMode.MAINT);
	}

	@Bean
	DrainingBackendFilter drainingBackendFilter(BackendHealth health,
			ObjectProvider<BackendHealthListener> listeners) {
		return new DrainingBackendFilter(health, listeners.orderedStream().toList());
	}

}
