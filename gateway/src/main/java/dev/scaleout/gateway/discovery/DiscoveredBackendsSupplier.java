package dev.scaleout.gateway.discovery;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The innermost {@link ServiceInstanceListSupplier}: every discovered backend, healthy or
 * not. Decorators for health, ejection and slow start wrap it.
 */
public final class DiscoveredBackendsSupplier implements ServiceInstanceListSupplier {

	private final BackendPool pool;

	/**
	 * Creates a supplier over a pool.
	 * @param pool the discovered backends
	 */
	public DiscoveredBackendsSupplier(BackendPool pool) {
		this.pool = pool;
	}

	@Override
	public String getServiceId() {
		return Backend.SERVICE_ID;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Flux<List<ServiceInstance>> get() {
		return Flux.defer(() -> Flux.just((List) this.pool.backends()));
	}

}
