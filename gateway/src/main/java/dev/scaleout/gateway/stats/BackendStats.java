package dev.scaleout.gateway.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;

import dev.scaleout.gateway.discovery.Backend;

/**
 * The {@link BackendMeter} of every backend that has been called or asked about.
 */
public final class BackendStats {

	private final Map<Backend, BackendMeter> meters = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	/**
	 * Creates an empty set of meters.
	 * @param registry where the meters are published
	 */
	public BackendStats(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The meter of a backend, created on first use.
	 * @param backend the backend
	 * @return its meter
	 */
	public BackendMeter meter(Backend backend) {
		BackendMeter meter = this.meters.get(backend);
		return (meter != null) ? meter : this.meters.computeIfAbsent(backend, (b) -> new BackendMeter(b, this.registry));
	}

}
