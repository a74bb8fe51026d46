package dev.scaleout.gateway.health;

import java.time.Instant;

/**
 * The health state machine of one backend: UP until {@code fall} consecutive probes fail,
 * then DOWN until {@code rise} consecutive probes succeed. Transitions happen only in
 * {@link #record}.
 */
final class HealthState {

	private final int rise;

	private final int fall;

	private boolean up;

	private int streak;

	private Instant upSince;

	HealthState(boolean up, Instant now, int rise, int fall) {
		this.up = up;
		this.upSince = up ? Instant.EPOCH : now;
		this.rise = rise;
		this.fall = fall;
	}

	/**
	 * Records one probe result.
	 * @param healthy whether the probe succeeded
	 * @param now the time of the probe
	 * @return {@code true} when the backend changed state
	 */
	synchronized boolean record(boolean healthy, Instant now) {
		if (healthy == this.up) {
			this.streak = 0;
			return false;
		}
		this.streak++;
		if (this.streak < (this.up ? this.fall : this.rise)) {
			return false;
		}
		this.up = healthy;
		this.streak = 0;
		if (healthy) {
			this.upSince = now;
		}
		return true;
	}

	synchronized boolean isUp() {
		return this.up;
	}

	/**
	 * When the backend last became healthy; {@link Instant#EPOCH} for backends healthy
	 * since the gateway started.
	 */
	synchronized Instant upSince() {
		return this.upSince;
	}

}
