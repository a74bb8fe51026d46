package dev.scaleout.test.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move forward by hand, so that time-dependent logic is tested without sleeping.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock at 2026-01-01T00:00:00Z.
	 */
	public MutableClock() {
		this(Instant.parse("2026-01-01T00:00:00Z"));
	}

	/**
	 * Creates a clock.
	 * @param start the first instant
	 */
	public MutableClock(Instant start) {
		this.now = start;
	}

	/**
	 * Moves time forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
