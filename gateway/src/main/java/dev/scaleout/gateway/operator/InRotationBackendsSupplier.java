package dev.scaleout.gateway.operator;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Leaves out the backends an operator drained or put in maintenance. It comes before
 * health and ejection in the chain, so that no panic mode ever sends them traffic.
 */
public final class InRotationBackendsSupplier extends DelegatingServiceInstanceListSupplier {

	private final OperatorControl control;

	/**
	 * Decorates a supplier.
	 * @param delegate the supplier of discovered backends
	 * @param control the operator's settings
	 */
	public InRotationBackendsSupplier(ServiceInstanceListSupplier delegate, OperatorControl control) {
		super(delegate);
		this.control = control;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this::inRotation);
	}

	private List<ServiceInstance> inRotation(List<ServiceInstance> instances) {
		return instances.stream()
			.filter((instance) -> !(instance instanceof Backend backend) || this.control.inRotation(backend))
			.toList();
	}

}
