package dev.scaleout.gateway.ejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPoolChangedEvent;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.health.BackendHealthListener;
import dev.scaleout.gateway.stats.BackendCallListener;
import dev.scaleout.gateway.stats.CallOutcome;

/**
 * Ejects a backend after a run of consecutive gateway failures
 * ({@link CallOutcome#isGatewayFailure()}), for a time that grows with each ejection in a
 * row and decays while the backend stays in the pool, unless that would eject more than
 * the allowed share of the pool. A backend that active health checks see turning UP again
 * is readmitted at once, as Envoy does by default. Each end of an ejection is logged once
 * at INFO. A backend's record and meter are dropped when it leaves the pool.
 */
public final class OutlierEjector
		implements BackendCallListener, BackendHealthListener, ApplicationListener<BackendPoolChangedEvent> {

	private static final Log logger = LogFactory.getLog(OutlierEjector.class);

	private static final String EJECTIONS_METER = "scaleout.gateway.backend.ejections";

	private final Map<Backend, Ejection> ejections = new ConcurrentHashMap<>();

	private final BackendPool pool;

	private final EjectionProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	/**
	 * Creates an ejector.
	 * @param pool the discovered backends, to bound the ejected share
	 * @param properties the ejection settings
	 * @param clock the time source
	 * @param registry where ejection counts are published
	 */
	public OutlierEjector(BackendPool pool, EjectionProperties properties, Clock clock, MeterRegistry registry) {
		this.pool = pool;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
	}

	/**
	 * Whether a backend is ejected right now.
	 * @param backend the backend
	 * @return {@code true} while its ejection lasts
	 */
	public boolean isEjected(Backend backend) {
		Ejection ejection = this.ejections.get(backend);
		if (ejection == null) {
			return false;
		}
		Instant now = this.clock.instant();
		if (ejection.isEjected(now)) {
			return true;
		}
		if (ejection.endedByTime(now)) {
			logger.info("Backend " + backend + " readmitted: its ejection ended");
		}
		return false;
	}

	/**
	 * The multiplier of a backend's next ejection's base time, before it is incremented.
	 * @param backend the backend
	 * @return the multiplier, 0 for a backend that has not failed lately
	 */
	public int multiplier(Backend backend) {
		Ejection ejection = this.ejections.get(backend);
		return (ejection != null) ? ejection.multiplier(this.clock.instant(), this.properties.decayInterval()) : 0;
	}

	/**
	 * How often a backend has been ejected.
	 * @param backend the backend
	 * @return the ejection count
	 */
	public int ejections(Backend backend) {
		Ejection ejection = this.ejections.get(backend);
		return (ejection != null) ? ejection.ejections() : 0;
	}

	@Override
	public void onCall(Backend backend, CallOutcome outcome) {
		if (!this.properties.enabled()) {
			return;
		}
		Ejection ejection = ejection(backend);
		if (!outcome.isGatewayFailure()) {
			// a 500 or a 503 with Retry-After is an answer: the backend is reachable and working
			ejection.succeeded();
			return;
		}
		Instant now = this.clock.instant();
		if (ejection.failed() >= this.properties.consecutiveFailures() && !ejection.isEjected(now)) {
			ejectIfAllowed(backend, ejection, now, outcome);
		}
	}

	/**
	 * The backends with an ejection record.
	 * @return a snapshot
	 */
	public Set<Backend> backends() {
		return Set.copyOf(this.ejections.keySet());
	}

	@Override
	public void onApplicationEvent(BackendPoolChangedEvent event) {
		for (Backend retired : event.retired()) {
			if (this.ejections.remove(retired) != null) {
				this.registry.find(EJECTIONS_METER)
					.tag("backend", retired.getInstanceId())
					.meters()
					.forEach(this.registry::remove);
			}
		}
	}

	@Override
	public void onHealthChange(Backend backend, boolean up) {
		Ejection ejection = this.ejections.get(backend);
		if (up && ejection != null && ejection.readmit(this.clock.instant())) {
			logger.info("Backend " + backend + " readmitted: it passed its health checks again");
		}
	}

	private synchronized void ejectIfAllowed(Backend backend, Ejection ejection, Instant now, CallOutcome outcome) {
		if (ejection.isEjected(now)) {
			return;
		}
		int poolSize = this.pool.backends().size();
		long ejected = this.pool.backends().stream().filter(this::isEjected).count();
		if ((ejected + 1) * 100 > (long) this.properties.maxPercent() * poolSize) {
			logger.warn("Backend " + backend + " keeps failing (" + outcome + ") but stays in the pool: ejecting it "
					+ "would exceed scaleout.gateway.ejection.max-percent=" + this.properties.maxPercent());
			return;
		}
		Duration time = ejection.eject(now, this.properties.baseTime(), this.properties.maxTime(),
				this.properties.decayInterval());
		logger.warn("Backend " + backend + " ejected for " + time.toMillis() + " ms after "
				+ this.properties.consecutiveFailures() + " consecutive gateway failures (last: " + outcome + ", ejection #"
				+ ejection.ejections() + ")");
	}

	private Ejection ejection(Backend backend) {
		Ejection ejection = this.ejections.get(backend);
		if (ejection != null) {
			return ejection;
		}
		if (!this.pool.backends().contains(backend)) {
			// a call that started before the backend left the pool: nothing to keep
			return new Ejection();
		}
		return this.ejections.computeIfAbsent(backend, this::register);
	}

	private Ejection register(Backend backend) {
		Ejection ejection = new Ejection();
		FunctionCounter.builder(EJECTIONS_METER, ejection, Ejection::ejections)
			.description("Times the backend was ejected after consecutive failures")
			.tag("backend", backend.getInstanceId())
			.register(this.registry);
		return ejection;
	}

}
