package dev.scaleout.gateway.balancing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * Power of two choices on in-flight requests: two distinct backends at random, the one
 * with fewer requests in flight (relative to its weight) wins. Nearly as good as scanning
 * every backend, and it never herds all requests onto the one that just looked idle.
 */
final class LeastRequestsChooser implements BackendChooser {

	private final BackendStats stats;

	LeastRequestsChooser(BackendStats stats) {
		this.stats = stats;
	}

	@Override
	public Backend choose(List<Backend> candidates, Weights weights) {
		int size = candidates.size();
		if (size == 1) {
			return candidates.get(0);
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int first = random.nextInt(size);
		int second = random.nextInt(size - 1);
		if (second >= first) {
			second++;
		}
		Backend a = candidates.get(first);
		Backend b = candidates.get(second);
		return (load(b, weights) < load(a, weights)) ? b : a;
	}

	private double load(Backend backend, Weights weights) {
		return (this.stats.meter(backend).inFlight() + 1) / weights.of(backend);
	}

}
