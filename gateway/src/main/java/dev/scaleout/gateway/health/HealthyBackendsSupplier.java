package dev.scaleout.gateway.health;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Keeps only the backends that active health checks consider UP.
 */
public final class HealthyBackendsSupplier extends DelegatingServiceInstanceListSupplier {

	private final BackendHealth health;

	/**
	 * Decorates a supplier.
	 * @param delegate the supplier of candidate backends
	 * @param health the health-check view
	 */
	public HealthyBackendsSupplier(ServiceInstanceListSupplier delegate, BackendHealth health) {
		super(delegate);
		this.health = health;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this::healthy);
	}

	private List<ServiceInstance> healthy(List<ServiceInstance> instances) {
		List<ServiceInstance> healthy = new ArrayList<>(instances.size());
		for (ServiceInstance instance : instances) {
			if (!(instance instanceof Backend backend) || this.health.isUp(backend)) {
				healthy.add(instance);
			}
		}
		return healthy;
	}

}
