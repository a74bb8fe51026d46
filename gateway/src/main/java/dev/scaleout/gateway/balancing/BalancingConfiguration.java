package dev.scaleout.gateway.balancing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.EjectionProperties;
import dev.scaleout.gateway.ejection.NonEjectedBackends;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.health.HealthyBackends;
import dev.scaleout.gateway.operator.InRotationBackends;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.stats.BackendCallObserver;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * Composes the chain of available backends (discovered, in rotation, healthy, not ejected)
 * and the filter that chooses among them with the configured strategy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingProperties.class)
public final class BalancingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AvailableBackends availableBackends(BackendPool pool, OperatorControl operator, BackendHealth health,
			OutlierEjector ejector, EjectionProperties ejection) {
		AvailableBackends inRotation = new InRotationBackends(pool::backends, operator);
		return new NonEjectedBackends(new HealthyBackends(inRotation, health), ejector, pool, ejection.panicThreshold());
	}

	@Bean
	@ConditionalOnMissingBean
	SlowStart slowStart(BackendHealth health, BalancingProperties properties, Clock clock) {
		return new SlowStart(health, properties.slowStart(), clock);
	}

	@Bean
	BackendChoiceFilter backendChoiceFilter(AvailableBackends availableBackends, BalancingProperties properties,
			SlowStart slowStart, BackendStats stats, OperatorControl operator, BackendCallObserver observer) {
		boolean configuredWeights = properties.strategy() == BalancingProperties.Strategy.WEIGHTED;
		BackendChooser.Weights weights = (backend) -> weight(backend, operator, configuredWeights)
				* slowStart.factor(backend);
		return switch (properties.strategy()) {
			case LEAST_REQUESTS -> new BackendChoiceFilter(availableBackends, new LeastRequestsChooser(stats), weights,
					observer);
			case ROUND_ROBIN, WEIGHTED -> new BackendChoiceFilter(availableBackends, new SmoothWeightedChooser(), weights,
					observer);
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
