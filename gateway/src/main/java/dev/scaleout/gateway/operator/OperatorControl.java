package dev.scaleout.gateway.operator;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationListener;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPoolChangedEvent;

/**
 * The operator's hand on the pool: reads and changes each replica's {@link ReplicaMode}
 * and runtime weight in the {@link OperatorSettingsStore}, logs every change with who made
 * it, and forgets the settings of replicas that leave the pool (a setting ends with its
 * replica's address).
 */
public final class OperatorControl implements ApplicationListener<BackendPoolChangedEvent> {

	private static final Log logger = LogFactory.getLog(OperatorControl.class);

	private final OperatorSettingsStore store;

	private final Clock clock;

	OperatorControl(OperatorSettingsStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The address under which a backend's setting is kept.
	 * @param backend the backend
	 * @return {@code host:port}
	 */
	public static String address(Backend backend) {
		return backend.getUri().getRawAuthority();
	}

	/**
	 * The backend's setting, the default when nobody changed it.
	 * @param backend the backend
	 * @return the setting
	 */
	public OperatorSetting setting(Backend backend) {
		return this.store.snapshot().getOrDefault(address(backend), OperatorSetting.NONE);
	}

	/**
	 * Whether the backend may receive new requests.
	 * @param backend the backend
	 * @return false when drained or in maintenance
	 */
	public boolean inRotation(Backend backend) {
		return setting(backend).mode().inRotation();
	}

	/**
	 * The runtime weight, if an operator set one.
	 * @param backend the backend
	 * @return the weight, or null for the configured one
	 */
	public @Nullable Integer weight(Backend backend) {
		return setting(backend).weight();
	}

	/**
	 * Puts a backend in a mode.
	 * @param backend the backend
	 * @param mode the mode
	 * @param by who asked, for the log and the console
	 * @return the new setting, once stored
	 */
	public Mono<OperatorSetting> setMode(Backend backend, ReplicaMode mode, String by) {
		OperatorSetting current = setting(backend);
		OperatorSetting changed = new OperatorSetting(mode, current.weight(), this.clock.instant(), by);
		return store(backend, changed, "to " + mode.value());
	}

	/**
	 * Gives a backend a runtime weight.
	 * @param backend the backend
	 * @param weight the weight, from {@link OperatorSetting#MIN_WEIGHT} to
	 * {@link OperatorSetting#MAX_WEIGHT}
	 * @param by who asked, for the log and the console
	 * @return the new setting, once stored
	 */
	public Mono<OperatorSetting> setWeight(Backend backend, int weight, String by) {
		if (weight < OperatorSetting.MIN_WEIGHT || weight > OperatorSetting.MAX_WEIGHT) {
			throw new IllegalArgumentException("A weight is from " + OperatorSetting.MIN_WEIGHT + " to "
					+ OperatorSetting.MAX_WEIGHT + ", not " + weight);
		}
		OperatorSetting current = setting(backend);
		OperatorSetting changed = new OperatorSetting(current.mode(), weight, this.clock.instant(), by);
		return store(backend, changed, "to weight " + weight);
	}

	private Mono<OperatorSetting> store(Backend backend, OperatorSetting changed, String what) {
		return this.store.put(address(backend), changed)
			.doOnSuccess((done) -> logger.info("Operator at " + changed.changedBy() + " set " + backend + " " + what))
			.thenReturn(changed);
	}

	@Override
	public void onApplicationEvent(BackendPoolChangedEvent event) {
		Set<String> retired = event.retired().stream().map(OperatorControl::address).collect(Collectors.toSet());
		retired.removeIf((address) -> !this.store.snapshot().containsKey(address));
		if (!retired.isEmpty()) {
			this.store.forget(retired)
				.doOnSuccess((done) -> logger.info("Operator settings of " + retired + " ended: they left the pool"))
				.onErrorResume((failure) -> Mono.empty())
				.subscribe();
		}
	}

}
