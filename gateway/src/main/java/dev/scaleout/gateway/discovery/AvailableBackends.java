package dev.scaleout.gateway.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The backends a request may go to right now. Each concern that takes backends out of
 * rotation (an operator's setting, health, ejection) is one decorator around the list of
 * the one before it, as Spring Cloud LoadBalancer composes its
 * {@code ServiceInstanceListSupplier}s, but read synchronously on the request's thread:
 * the states it filters by are all in memory, so a reactive stream per request and
 * decorator would be pure cost.
 */
@FunctionalInterface
public interface AvailableBackends {

	/**
	 * The backends available now.
	 * @return an immutable list, possibly empty
	 */
	List<Backend> current();

	/**
	 * The backends of a list that match a condition, or the list itself when all do, so
	 * that the common case (every backend in rotation, healthy, not ejected) allocates
	 * nothing.
	 * @param backends the backends to filter
	 * @param kept the condition a backend must meet to stay
	 * @return the backends that meet it
	 */
	static List<Backend> keep(List<Backend> backends, Predicate<Backend> kept) {
		int size = backends.size();
		for (int i = 0; i < size; i++) {
			if (!kept.test(backends.get(i))) {
				List<Backend> remaining = new ArrayList<>(size - 1);
				for (int j = 0; j < size; j++) {
					Backend backend = backends.get(j);
					if (j < i || (j > i && kept.test(backend))) {
						remaining.add(backend);
					}
				}
				return List.copyOf(remaining);
			}
		}
		return backends;
	}

}
