package dev.scaleout.shutdown;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing to stop when the context closes (on SIGTERM): readiness turns {@code REFUSING_TRAFFIC}, then the
 * replica keeps serving for the drain delay while the pool stops sending it work. Only then do the later phases
 * run, Spring Boot's graceful web server shutdown among them, which lets in-flight requests finish. From the
 * start of the drain every response says so ({@link DrainingSignalFilter}), so that a gateway need not wait for
 * its readiness probes to notice.
 */
final class DrainOnShutdown implements SmartLifecycle {

	/**
	 * Stopped before every other phase, the web server's graceful shutdown included.
	 */
	static final int PHASE = Integer.MAX_VALUE;

	private static final Log logger = LogFactory.getLog(DrainOnShutdown.class);

	private final ApplicationEventPublisher events;

	private final Duration drainDelay;

	private volatile boolean running;

	private volatile boolean draining;

	DrainOnShutdown(ApplicationEventPublisher events, Duration drainDelay) {
		this.events = events;
		this.drainDelay = drainDelay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.draining = true;
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		if (this.drainDelay.isZero()) {
			return;
		}
		logger.info("Shutdown: readiness is REFUSING_TRAFFIC; serving for another " + this.drainDelay
				+ " while the pool drains");
		try {
			Thread.sleep(this.drainDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether the replica is on its way out: from the start of the drain until the process exits.
	 */
	boolean isDraining() {
		return this.draining;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
