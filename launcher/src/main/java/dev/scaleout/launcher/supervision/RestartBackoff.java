package dev.scaleout.launcher.supervision;

import java.time.Duration;

/**
 * How long to wait before restarting a replica that exited unexpectedly: exponential
 * backoff that starts small, grows by a factor on every consecutive crash, is capped, and
 * starts over once a replica has stayed up long enough to count as healthy again.
 */
final class RestartBackoff {

	static final Duration INITIAL = Duration.ofMillis(100);

	static final double MULTIPLIER = 1.5;

	static final Duration MAX = Duration.ofSeconds(15);

	static final Duration RESET_AFTER = Duration.ofSeconds(30);

	private int consecutiveCrashes;

	/**
	 * The delay before the next restart, given how long the replica ran before it exited.
	 * @param uptime how long the process that just exited had been running
	 * @return the delay to wait before starting it again
	 */
	synchronized Duration nextDelay(Duration uptime) {
		if (uptime.compareTo(RESET_AFTER) >= 0) {
			this.consecutiveCrashes = 0;
		}
		double millis = INITIAL.toMillis() * Math.pow(MULTIPLIER, this.consecutiveCrashes);
		this.consecutiveCrashes++;
		return (millis >= MAX.toMillis()) ? MAX : Duration.ofMillis(Math.round(millis));
	}

}
