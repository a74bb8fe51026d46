package dev.scaleout.gateway.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationListener;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPoolChangedEvent;
import dev.scaleout.gateway.discovery.BackendPool;

/**
 * What the active health checks currently think of each backend. Backends present when
 * the gateway starts are presumed UP so traffic flows at once; a backend discovered later
 * starts DOWN and must pass {@code rise} probes first. A backend's state is dropped when it
 * leaves the pool.
 */
public final class BackendHealth implements ApplicationListener<BackendPoolChangedEvent> {

	private final Map<Backend, HealthState> states = new ConcurrentHashMap<>();

	private final Set<Backend> initial;

	private final BackendPool pool;

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
		this.pool = pool;
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

	/**
	 * The backends whose health is kept.
	 * @return a snapshot
	 */
	public Set<Backend> backends() {
		return Set.copyOf(this.states.keySet());
	}

	@Override
	public void onApplicationEvent(BackendPoolChangedEvent event) {
		this.states.keySet().removeAll(event.retired());
	}

	boolean record(Backend backend, boolean healthy) {
		return state(backend).record(healthy, this.clock.instant());
	}

	/**
	 * Takes a backend out of rotation at once because it said it is shutting down, as if it
	 * had failed its probes; the probes go on and bring it back UP after {@code rise} passes.
	 * @param backend the backend
	 * @return {@code true} when it was UP; always {@code false} for a backend no longer in
	 * the pool or when health checks are off, since no probe would bring it back
	 */
	boolean draining(Backend backend) {
		return this.properties.enabled() && this.pool.backends().contains(backend) && state(backend).draining();
	}

	private HealthState state(Backend backend) {
		HealthState state = this.states.get(backend);
		if (state != null) {
			return state;
		}
		if (!this.pool.backends().contains(backend)) {
			// a probe or a request that started before the backend left: nothing to keep
			return initialState(backend);
		}
		return this.states.computeIfAbsent(backend, this::initialState);
	}

	private HealthState initialState(Backend backend) {
		return new HealthState(this.initial.contains(backend), this.clock.instant(), this.properties.rise(),
				this.properties.fall());
	}

}
