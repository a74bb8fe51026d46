package dev.scaleout.gateway.stats;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Told of every finished call to a backend; passive outlier ejection listens here.
 */
@FunctionalInterface
public interface BackendCallListener {

	/**
	 * Called once per finished call (not for calls the client abandoned).
	 * @param backend the backend that was called
	 * @param outcome how the call ended
	 */
	void onCall(Backend backend, CallOutcome outcome);

}
