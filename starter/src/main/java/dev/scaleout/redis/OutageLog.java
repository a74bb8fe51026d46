package dev.scaleout.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;

import org.springframework.core.NestedExceptionUtils;

/**
 * One WARN line per outage instead of one per request: logs at most once per interval, without a stack trace.
 */
public final class OutageLog {

	/**
	 * How often an ongoing outage is logged again.
	 */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

	private final Log logger;

	private final Clock clock;

	private final Duration interval;

	private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

	/**
	 * Creates a log that writes to {@code logger} at most once per {@link #DEFAULT_INTERVAL}.
	 * @param logger where to write
	 */
	public OutageLog(Log logger) {
		this(logger, Clock.systemUTC(), DEFAULT_INTERVAL);
	}

	OutageLog(Log logger, Clock clock, Duration interval) {
		this.logger = logger;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Logs {@code message} and the failure's message, unless this log wrote within the interval.
	 * @param message what is affected and what happens meanwhile
	 * @param failure the outage
	 * @return whether a line was written
	 */
	public boolean warn(String message, Throwable failure) {
		Instant now = this.clock.instant();
		Instant last = this.lastWarning.get();
		if (now.isBefore(last.plus(this.interval)) || !this.lastWarning.compareAndSet(last, now)) {
			return false;
		}
		this.logger.warn(message + ": " + NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
		return true;
	}

}
