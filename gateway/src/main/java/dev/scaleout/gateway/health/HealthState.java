package dev.scaleout.gateway.health;

import java.time.Instant;

/**
 * The health state machine of one backend: UP until {@code fall} consecutive probes fail,
 * or at once when the backend says it is shutting down, then DOWN until {@code rise}
 * consecutive probes succeed. Transitions happen only in {@link #record} and
 * {@link #draining}.
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

	/**
	 * Records that the backend said it is shutting down: DOWN at once, whatever the probes
	 * said so far. Probes bring it back UP as after any fall, should it serve again (a
	 * replica restarted on the same address).
	 * @return {@code true} when the backend was UP
	 */
	synchronized boolean draining() {
		this.streak = 0;
		if (!this.up) {
			return false;
		}
		this.up = false;
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
