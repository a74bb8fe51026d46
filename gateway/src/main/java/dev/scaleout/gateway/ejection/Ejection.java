package dev.scaleout.gateway.ejection;

import java.time.Duration;
import java.time.Instant;

/**
 * The ejection record of one backend: its run of consecutive failures, how often it was
 * ejected, and until when the current ejection lasts.
 */
final class Ejection {

	private int consecutiveFailures;

	private int ejections;

	private Instant ejectedUntil = Instant.EPOCH;

	synchronized boolean isEjected(Instant now) {
		return now.isBefore(this.ejectedUntil);
	}

	synchronized void succeeded() {
		this.consecutiveFailures = 0;
	}

	/**
	 * Counts a failure.
	 * @return the length of the current run of failures
	 */
	synchronized int failed() {
		return ++this.consecutiveFailures;
	}

	/**
	 * Ejects the backend for {@code baseTime} times its ejection count, capped.
	 * @return how long the ejection lasts
	 */
	synchronized Duration eject(Instant now, Duration baseTime, Duration maxTime) {
		this.ejections++;
		this.consecutiveFailures = 0;
		Duration time = baseTime.multipliedBy(this.ejections);
		if (time.compareTo(maxTime) > 0) {
			time = maxTime;
		}
		this.ejectedUntil = now.plus(time);
		return time;
	}

	/**
	 * Ends the current ejection early; the ejection count, which lengthens the next one,
	 * is kept.
	 * @return {@code true} if the backend was ejected
	 */
	synchronized boolean readmit(Instant now) {
		boolean ejected = isEjected(now);
		this.ejectedUntil = Instant.EPOCH;
		this.consecutiveFailures = 0;
		return ejected;
	}

	synchronized int ejections() {
		return this.ejections;
	}

}
