package dev.scaleout.gateway.operator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Operator settings of this gateway alone, lost when it stops: what a gateway without
 * Redis has.
 */
final class InMemoryOperatorSettings implements OperatorSettingsStore {

	private final Map<String, OperatorSetting> settings = new ConcurrentHashMap<>();

	@Override
	public Map<String, OperatorSetting> snapshot() {
		return Map.copyOf(this.settings);
	}

	@Override
	public Mono<Void> put(String address, OperatorSetting setting) {
		return Mono.fromRunnable(() -> this.settings.put(address, setting));
	}

	@Override
	public Mono<Void> forget(Set<String> addresses) {
		return Mono.fromRunnable(() -> this.settings.keySet().removeAll(addresses));
	}

}
