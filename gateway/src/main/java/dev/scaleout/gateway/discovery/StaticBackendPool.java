package dev.scaleout.gateway.discovery;

import java.util.List;

/**
 * The replicas listed in {@code scaleout.gateway.backends}.
 */
final class StaticBackendPool implements BackendPool {

	private final List<Backend> backends;

	StaticBackendPool(List<Backend> backends) {
		this.backends = List.copyOf(backends);
	}

	@Override
	public List<Backend> backends() {
		return this.backends;
	}

}
