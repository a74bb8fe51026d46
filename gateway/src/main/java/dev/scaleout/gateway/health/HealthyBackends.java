package dev.scaleout.gateway.health;

import java.util.List;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;

/**
 * Keeps only the backends that active health checks consider UP.
 */
public final class HealthyBackends implements AvailableBackends {

	private final AvailableBackends delegate;

	private final BackendHealth health;

	/**
	 * Decorates a list of backends.
	 * @param delegate the backends in rotation
	 * @param health the health states
	 */
	public HealthyBackends(AvailableBackends delegate, BackendHealth health) {
		this.delegate = delegate;
		this.health = health;
	}

	@Override
	public List<Backend> current() {
		return AvailableBackends.keep(this.delegate.current(), this.health::isUp);
	}

}
