package dev.scaleout.gateway.ejection;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Drops the backends that the {@link OutlierEjector} has ejected.
 */
public final class NonEjectedBackendsSupplier extends DelegatingServiceInstanceListSupplier {

	private final OutlierEjector ejector;

	/**
	 * Decorates a supplier.
	 * @param delegate the supplier of candidate backends
	 * @param ejector the ejector
	 */
	public NonEjectedBackendsSupplier(ServiceInstanceListSupplier delegate, OutlierEjector ejector) {
		super(delegate);
		this.ejector = ejector;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this::notEjected);
	}

	private List<ServiceInstance> notEjected(List<ServiceInstance> instances) {
		List<ServiceInstance> kept = new ArrayList<>(instances.size());
		for (ServiceInstance instance : instances) {
			if (!(instance instanceof Backend backend) || !this.ejector.isEjected(backend)) {
				kept.add(instance);
			}
		}
		return kept;
	}

}
