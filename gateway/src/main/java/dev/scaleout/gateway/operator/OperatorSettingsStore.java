package dev.scaleout.gateway.operator;

import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Where operator settings live: one small interface, one implementation per backend
 * (ShedLock's {@code LockProvider} is the model). Settings are keyed by the replica's
 * address, {@code host:port}.
 */
public interface OperatorSettingsStore {

	/**
	 * Every setting an operator made, as last read: never blocks, so the load balancer can
	 * ask on every request.
	 * @return address to setting
	 */
	Map<String, OperatorSetting> snapshot();

	/**
	 * Stores a setting, kept until its replica leaves the pool, and updates the snapshot.
	 * @param address the replica's address
	 * @param setting the new setting
	 * @return completes when stored
	 */
	Mono<Void> put(String address, OperatorSetting setting);

	/**
	 * Forgets the settings of replicas that left the pool.
	 * @param addresses their addresses
	 * @return completes when forgotten
	 */
	Mono<Void> forget(Set<String> addresses);

}
