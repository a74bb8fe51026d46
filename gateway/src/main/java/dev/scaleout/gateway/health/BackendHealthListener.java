package dev.scaleout.gateway.health;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Told when active health checks move a backend between UP and DOWN.
 */
@FunctionalInterface
public interface BackendHealthListener {

	/**
	 * Called once per transition.
	 * @param backend the backend
	 * @param up {@code true} when it turned UP, {@code false} when it turned DOWN
	 */
	void onHealthChange(Backend backend, boolean up);

}
