package dev.scaleout.gateway.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.scaleout.gateway.balancing.SlowStart;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.stats.BackendMeter;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * {@code GET /actuator/backends}: every discovered backend with its state and traffic.
 */
@Endpoint(id = "backends")
public final class BackendsEndpoint {

	private final BackendPool pool;

	private final BackendHealth health;

	private final OutlierEjector ejector;

	private final SlowStart slowStart;

	private final BackendStats stats;

	BackendsEndpoint(BackendPool pool, BackendHealth health, OutlierEjector ejector, SlowStart slowStart,
			BackendStats stats) {
		this.pool = pool;
		this.health = health;
		this.ejector = ejector;
		this.slowStart = slowStart;
		this.stats = stats;
	}

	/**
	 * Describes every backend.
	 * @return one entry per backend, in pool order
	 */
	@ReadOperation
	public List<BackendDescriptor> backends() {
		return this.pool.backends().stream().map(this::describe).toList();
	}

	private BackendDescriptor describe(Backend backend) {
		BackendMeter meter = this.stats.meter(backend);
		return new BackendDescriptor(backend.getInstanceId(), state(backend), backend.weight(), meter.inFlight(),
				meter.total(), meter.failures(), this.ejector.ejections(backend), meter.latencyMillis(0.5),
				meter.latencyMillis(0.99));
	}

	private BackendState state(Backend backend) {
		if (!this.health.isUp(backend)) {
			return BackendState.DOWN;
		}
		if (this.ejector.isEjected(backend)) {
			return BackendState.EJECTED;
		}
		return this.slowStart.isRamping(backend) ? BackendState.STARTING : BackendState.UP;
	}

	/**
	 * One backend as reported by the endpoint.
	 *
	 * @param url the backend's base URL
	 * @param state what the gateway does with it
	 * @param weight its configured weight
	 * @param inFlight requests sent and not yet answered
	 * @param total requests sent since the gateway started
	 * @param failures calls that failed since the gateway started
	 * @param ejections times it was ejected
	 * @param p50Millis recent median latency to response headers, in milliseconds
	 * @param p99Millis recent 99th percentile latency, in milliseconds
	 */
	public record BackendDescriptor(String url, BackendState state, int weight, int inFlight, long total,
			long failures, int ejections, double p50Millis, double p99Millis) {
	}

}
