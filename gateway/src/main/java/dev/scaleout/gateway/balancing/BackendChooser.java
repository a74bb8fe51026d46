package dev.scaleout.gateway.balancing;

import java.util.List;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Picks one backend from the candidates a request may go to. One implementation per
 * strategy; filtering (health, ejection, earlier attempts) has already happened.
 */
@FunctionalInterface
interface BackendChooser {

	/**
	 * Picks a backend.
	 * @param candidates the backends to choose from, never empty
	 * @param weights the current weight of each candidate
	 * @return the chosen backend
	 */
	Backend choose(List<Backend> candidates, Weights weights);

	/**
	 * The current relative weight of a backend, slow start included.
	 */
	@FunctionalInterface
	interface Weights {

		double of(Backend backend);

	}

}
