package dev.scaleout.gateway.ejection;

import java.time.Duration;
import java.time.Instant;

/**
 * The ejection record of one backend: its run of consecutive gateway failures, its
 * ejection multiplier, and until when the current ejection lasts.
 * <p>
 * As in Envoy, the n-th ejection in a row lasts n times the base time (capped), and the
 * multiplier drops by one for every decay interval the backend spends in the pool, so a
 * replica that failed once long ago is not punished like one that keeps failing.
 */
final class Ejection {

	private int consecutiveFailures;

	private int ejections;

	private int multiplier;

	private Instant ejectedUntil = Instant.EPOCH;

	private boolean ended = true;

	synchronized boolean isEjected(Instant now) {
		return now.isBefore(this.ejectedUntil);
	}

	/**
	 * Whether the current ejection has run out since this was last asked; answers
	 * {@code true} once per ejection.
	 */
	synchronized boolean endedByTime(Instant now) {
		if (this.ended || isEjected(now)) {
			return false;
		}
		this.ended = true;
		return true;
	}

	synchronized void succeeded() {
		this.consecutiveFailures = 0;
	}

	/**
	 * Counts a gateway failure.
	 * @return the length of the current run of failures
	 */
	synchronized int failed() {
		return ++this.consecutiveFailures;
	}

	/**
	 * Ejects the backend for the base time times its decayed multiplier, capped.
	 * @return how long the ejection lasts
	 */
	synchronized Duration eject(Instant now, Duration baseTime, Duration maxTime, Duration decayInterval) {
		this.multiplier = multiplier(now, decayInterval) + 1;
		this.ejections++;
		this.consecutiveFailures = 0;
		this.ended = false;
		Duration time = baseTime.multipliedBy(this.multiplier);
		if (time.compareTo(maxTime) > 0) {
			time = maxTime;
		}
		this.ejectedUntil = now.plus(time);
		return time;
	}

	/**
	 * The multiplier the next ejection starts from, less one for every decay interval spent
	 * in the pool since the last ejection ended.
	 */
	synchronized int multiplier(Instant now, Duration decayInterval) {
		if (isEjected(now) || this.multiplier == 0) {
			return this.multiplier;
		}
		long decayed = Duration.between(this.ejectedUntil, now).dividedBy(decayInterval);
		return (int) Math.max(0, this.multiplier - decayed);
	}

	/**
	 * Ends the current ejection early; the multiplier, which lengthens the next one, decays
	 * from now on.
	 * @return {@code true} if the backend was ejected
	 */
	synchronized boolean readmit(Instant now) {
		boolean ejected = isEjected(now);
		if (ejected) {
			this.ejectedUntil = now;
			this.ended = true;
		}
		this.consecutiveFailures = 0;
		return ejected;
	}

	synchronized int ejections() {
		return this.ejections;
	}

}
