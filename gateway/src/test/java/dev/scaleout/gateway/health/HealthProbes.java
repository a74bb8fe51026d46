package dev.scaleout.gateway.health;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Feeds probe results to {@link BackendHealth} without probing over HTTP.
 */
public final class HealthProbes {

	private HealthProbes() {
	}

	/**
	 * Records passed probes.
	 * @param health the health view
	 * @param backend the backend
	 * @param times how many
	 */
	public static void pass(BackendHealth health, Backend backend, int times) {
		for (int i = 0; i < times; i++) {
			health.record(backend, true);
		}
	}

	/**
	 * Records failed probes.
	 * @param health the health view
	 * @param backend the backend
	 * @param times how many
	 */
	public static void fail(BackendHealth health, Backend backend, int times) {
		for (int i = 0; i < times; i++) {
			health.record(backend, false);
		}
	}

}
