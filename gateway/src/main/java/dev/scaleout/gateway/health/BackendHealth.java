package dev.scaleout.gateway.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;

/**
 * What the active health checks currently think of each backend. Backends present when
 * the gateway starts are presumed UP so traffic flows at once; a backend discovered later
 * starts DOWN and must pass {@code rise} probes first.
 */
public final class BackendHealth {

	private final Map<Backend, HealthState> states = new ConcurrentHashMap<>();

	private final Set<Backend> initial;

	private final HealthCheckProperties properties;

	private final Clock clock;

	/**
	 * Creates the health view of a pool.
	 * @param pool the discovered backends
	 * @param properties the health-check settings
	 * @param clock the time source
	 */
	public BackendHealth(BackendPool pool, HealthCheckProperties properties, Clock clock) {
		this.initial = pool.backends().stream().collect(Collectors.toUnmodifiableSet());
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether a backend may receive traffic as far as health checks are concerned.
	 * @param backend the backend
	 * @return {@code true} when UP
	 */
	public boolean isUp(Backend backend) {
		return !this.properties.enabled() || state(backend).isUp();
	}

	/**
	 * When a backend last turned UP.
	 * @param backend the backend
	 * @return the instant, {@link Instant#EPOCH} when UP since startup
	 */
	public Instant upSince(Backend backend) {
		return this.properties.enabled() ? state(backend).upSince() : Instant.EPOCH;
	}

	boolean record(Backend backend, boolean healthy) {
		return state(backend).record(healthy, this.clock.instant());
	}

	private HealthState state(Backend backend) {
		HealthState state = this.states.get(backend);
		return (state != null) ? state : this.states.computeIfAbsent(backend, this::initialState);
	}

	private HealthState initialState(Backend backend) {
		return new HealthState(this.initial.contains(backend), this.clock.instant(), this.properties.rise(),
				this.properties.fall());
	}

}
