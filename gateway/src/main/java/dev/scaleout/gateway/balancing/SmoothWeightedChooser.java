package dev.scaleout.gateway.balancing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Round robin, weighted the way nginx does it (smooth weighted round robin): with weights
 * 3:1 the order is a, a, b, a rather than a, a, a, b. Equal weights take a lock-free path.
 */
final class SmoothWeightedChooser implements BackendChooser {

	private final AtomicInteger position = new AtomicInteger();

	private final Map<Backend, double[]> current = new ConcurrentHashMap<>();

	@Override
	public Backend choose(List<Backend> candidates, Weights weights) {
		int size = candidates.size();
		if (size == 1) {
			return candidates.get(0);
		}
		double first = weights.of(candidates.get(0));
		for (int i = 1; i < size; i++) {
			if (weights.of(candidates.get(i)) != first) {
				return chooseWeighted(candidates, weights);
			}
		}
		return candidates.get((this.position.getAndIncrement() & Integer.MAX_VALUE) % size);
	}

	private synchronized Backend chooseWeighted(List<Backend> candidates, Weights weights) {
		if (this.current.size() > candidates.size()) {
			// backends that left the pool (or are out of it for now) start again from zero
			this.current.keySet().retainAll(new HashSet<>(candidates));
		}
		double total = 0;
		Backend best = null;
		double[] bestWeight = null;
		for (Backend candidate : candidates) {
			double weight = weights.of(candidate);
			double[] currentWeight = this.current.computeIfAbsent(candidate, (b) -> new double[1]);
			currentWeight[0] += weight;
			total += weight;
			if (best == null || currentWeight[0] > bestWeight[0]) {
				best = candidate;
				bestWeight = currentWeight;
			}
		}
		bestWeight[0] -= total;
		return best;
	}

}
