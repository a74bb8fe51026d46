package dev.scaleout.gateway.actuate;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.scaleout.gateway.balancing.SlowStart;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.operator.OperatorSetting;
import dev.scaleout.gateway.stats.BackendMeter;
import dev.scaleout.gateway.stats.BackendStats;

/**
 * Describes every backend of the pool — state, operator setting and traffic — for the
 * {@code backends} actuator endpoint and the admin API alike.
 */
public final class BackendReports {

	private final BackendPool pool;

	private final BackendHealth health;

	private final OutlierEjector ejector;

	private final SlowStart slowStart;

	private final BackendStats stats;

	private final OperatorControl operator;

	BackendReports(BackendPool pool, BackendHealth health, OutlierEjector ejector, SlowStart slowStart,
			BackendStats stats, OperatorControl operator) {
		this.pool = pool;
		this.health = health;
		this.ejector = ejector;
		this.slowStart = slowStart;
		this.stats = stats;
		this.operator = operator;
	}

	/**
	 * Describes every backend.
	 * @return one entry per backend, in pool order
	 */
	public List<BackendReport> all() {
		return this.pool.backends().stream().map(this::describe).toList();
	}

	/**
	 * Describes one backend.
	 * @param backend the backend
	 * @return its report
	 */
	public BackendReport describe(Backend backend) {
		BackendMeter meter = this.stats.meter(backend);
		OperatorSetting setting = this.operator.setting(backend);
		Integer runtimeWeight = setting.weight();
		boolean changed = !setting.changedBy().isEmpty();
		return new BackendReport(backend.getInstanceId(), state(backend, setting), OperatorControl.address(backend),
				setting.mode().value(), (runtimeWeight != null) ? runtimeWeight : backend.weight(), meter.inFlight(),
				meter.total(), meter.failures(), this.ejector.ejections(backend), meter.latencyMillis(0.5),
				meter.latencyMillis(0.99), changed ? setting.changedAt() : null, changed ? setting.changedBy() : null);
	}

	private BackendState state(Backend backend, OperatorSetting setting) {
		switch (setting.mode()) {
			case MAINT:
				return BackendState.MAINT;
			case DRAIN:
				return BackendState.DRAIN;
			default:
				break;
		}
		if (!this.health.isUp(backend)) {
			return BackendState.DOWN;
		}
		if (this.ejector.isEjected(backend)) {
			return BackendState.EJECTED;
		}
		return this.slowStart.isRamping(backend) ? BackendState.STARTING : BackendState.UP;
	}

	/**
	 * One backend as the gateway sees it. The URL and state come first, in this order: the
	 * launcher's status reads them so.
	 *
	 * @param url the backend's base URL
	 * @param state what the gateway does with it
	 * @param address its host and port, as the admin API names it
	 * @param mode what an operator allows it: ready, drain or maint
	 * @param weight its weight: the operator's runtime weight, else the configured one
	 * @param inFlight requests sent and not yet answered
	 * @param total requests sent since the gateway started
	 * @param failures calls that failed since the gateway started
	 * @param ejections times it was ejected
	 * @param p50Millis recent median latency to response headers, in milliseconds
	 * @param p99Millis recent 99th percentile latency, in milliseconds
	 * @param changedAt when an operator last changed its mode or weight, if ever
	 * @param changedBy from where that change came, if ever
	 */
	public record BackendReport(String url, BackendState state, String address, String mode, int weight,
			int inFlight, long total, long failures, int ejections, double p50Millis, double p99Millis,
			@Nullable Instant changedAt, @Nullable String changedBy) {
	}

}
