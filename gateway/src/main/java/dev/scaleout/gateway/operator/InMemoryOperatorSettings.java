package dev.scaleout.gateway.operator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/**
 * Operator settings of this gateway alone, lost when it stops: what a gateway without
 * Redis has. The load balancer reads the snapshot on every request, so it is an immutable
 * map replaced on each (rare) change rather than copied on each read.
 */
final class InMemoryOperatorSettings implements OperatorSettingsStore {

	private volatile Map<String, OperatorSetting> snapshot = Map.of();

	@Override
	public Map<String, OperatorSetting> snapshot() {
		return this.snapshot;
	}

	@Override
	public Mono<Void> put(String address, OperatorSetting setting) {
		return Mono.fromRunnable(() -> change((settings) -> settings.put(address, setting)));
	}

	@Override
	public Mono<Void> forget(Set<String> addresses) {
		return Mono.fromRunnable(() -> change((settings) -> settings.keySet().removeAll(addresses)));
	}

	private synchronized void change(Consumer<Map<String, OperatorSetting>> change) {
		Map<String, OperatorSetting> settings = new HashMap<>(this.snapshot);
		change.accept(settings);
		this.snapshot = Map.copyOf(settings);
	}

}
