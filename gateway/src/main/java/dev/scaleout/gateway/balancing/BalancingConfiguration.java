package dev.scaleout.gateway.balancing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.discovery.DiscoveredBackendsSupplier;
import dev.scaleout.gateway.ejection.EjectionProperties;
import dev.scaleout.gateway.ejection.NonEjectedBackendsSupplier;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.health.HealthyBackendsSupplier;
import dev.scaleout.gateway.operator.InRotationBackendsSupplier;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * Composes the supplier chain (discovered, in rotation, healthy, not ejected) and the load
 * balancer of the configured strategy. Spring Cloud LoadBalancer's per-service child
 * contexts find both beans here, in their parent, and back off their defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingProperties.class)
public final class BalancingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceInstanceListSupplier availableBackendsSupplier(BackendPool pool, OperatorControl operator,
			BackendHealth health, OutlierEjector ejector, EjectionProperties ejection) {
		ServiceInstanceListSupplier discovered = new DiscoveredBackendsSupplier(pool);
		ServiceInstanceListSupplier inRotation = new InRotationBackendsSupplier(discovered, operator);
		return new NonEjectedBackendsSupplier(new HealthyBackendsSupplier(inRotation, health), ejector, pool,
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
			BalancingProperties properties, SlowStart slowStart, BackendStats stats, OperatorControl operator) {
		boolean configuredWeights = properties.strategy() == BalancingProperties.Strategy.WEIGHTED;
		BackendChooser.Weights weights = (backend) -> weight(backend, operator, configuredWeights)
				* slowStart.factor(backend);
		return switch (properties.strategy()) {
			case LEAST_REQUESTS -> new ScaleoutLoadBalancer(availableBackendsSupplier, new LeastRequestsChooser(stats),
					weights);
			case ROUND_ROBIN, WEIGHTED -> new ScaleoutLoadBalancer(availableBackendsSupplier,
					new SmoothWeightedChooser(), weights);
		};
	}

	/**
	 * An operator's runtime weight wins; otherwise the configured weight under the weighted
	 * strategy and 1 (all equal) under the others.
	 */
	private static double weight(Backend backend, OperatorControl operator, boolean configuredWeights) {
		Integer runtime = operator.weight(backend);
		if (runtime != null) {
			return runtime;
		}
		return configuredWeights ? backend.weight() : 1;
	}

}
