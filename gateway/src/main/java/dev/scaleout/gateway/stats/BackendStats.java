package dev.scaleout.gateway.stats;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.ApplicationListener;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.discovery.BackendPoolChangedEvent;

/**
 * The {@link BackendMeter} of every backend that has been called or asked about, dropped
 * with its Micrometer meters when the backend leaves the pool.
 */
public final class BackendStats implements ApplicationListener<BackendPoolChangedEvent> {

	private final Map<Backend, BackendMeter> meters = new ConcurrentHashMap<>();

	private final BackendPool pool;

	private final MeterRegistry registry;

	/**
	 * Creates an empty set of meters.
	 * @param pool the discovered backends: only those get published meters
	 * @param registry where the meters are published
	 */
	public BackendStats(BackendPool pool, MeterRegistry registry) {
		this.pool = pool;
		this.registry = registry;
	}

	/**
	 * The meter of a backend, created on first use.
	 * @param backend the backend
	 * @return its meter
	 */
	public BackendMeter meter(Backend backend) {
		BackendMeter meter = this.meters.get(backend);
		if (meter != null) {
			return meter;
		}
		if (!this.pool.backends().contains(backend)) {
			// a call chosen just before the backend left the pool: counted, but not published or kept
			return new BackendMeter(backend, new SimpleMeterRegistry());
		}
		return this.meters.computeIfAbsent(backend, (b) -> new BackendMeter(b, this.registry));
	}

	/**
	 * The backends that have meters.
	 * @return a snapshot
	 */
	public Set<Backend> backends() {
		return Set.copyOf(this.meters.keySet());
	}

	@Override
	public void onApplicationEvent(BackendPoolChangedEvent event) {
		for (Backend retired : event.retired()) {
			BackendMeter meter = this.meters.remove(retired);
			if (meter != null) {
				meter.remove(this.registry);
			}
		}
	}

}
