package dev.scaleout.gateway.balancing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.discovery.DiscoveredBackendsSupplier;
import dev.scaleout.gateway.ejection.EjectionProperties;
import dev.scaleout.gateway.ejection.NonEjectedBackendsSupplier;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.health.HealthyBackendsSupplier;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * Composes the supplier chain (discovered, then healthy, then not ejected) and the load
 * balancer of the configured strategy. Spring Cloud LoadBalancer's per-service child
 * contexts find both beans here, in their parent, and back off their defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingProperties.class)
public final class BalancingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceInstanceListSupplier availableBackendsSupplier(BackendPool pool, BackendHealth health,
			OutlierEjector ejector, EjectionProperties ejection) {
		ServiceInstanceListSupplier discovered = new DiscoveredBackendsSupplier(pool);
		return new NonEjectedBackendsSupplier(new HealthyBackendsSupplier(discovered, health), ejector, pool,
				ejection.panicThreshold());
	}

	@Bean
	@ConditionalOnMissingBean
	SlowStart slowStart(BackendHealth health, BalancingProperties properties, Clock clock) {
		return new SlowStart(health, properties.slowStart(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ScaleoutLoadBalancer scaleoutLoadBalancer(ServiceInstanceListSupplier availableBackendsSupplier,
			BalancingProperties properties, SlowStart slowStart, BackendStats stats) {
		return switch (properties.strategy()) {
			case LEAST_REQUESTS -> new ScaleoutLoadBalancer(availableBackendsSupplier, new LeastRequestsChooser(stats),
					slowStart::factor);
			case ROUND_ROBIN -> new ScaleoutLoadBalancer(availableBackendsSupplier, new SmoothWeightedChooser(),
					slowStart::factor);
			case WEIGHTED -> new ScaleoutLoadBalancer(availableBackendsSupplier, new SmoothWeightedChooser(),
					(backend) -> backend.weight() * slowStart.factor(backend));
		};
	}

}
