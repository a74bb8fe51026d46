package dev.scaleout.launcher.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops a replica from being restarted for ever: at most {@code maxRestarts} restarts
 * inside a sliding window. A process that exits at once would otherwise be restarted again
 * and again, eating the machine's cores in JVM startups.
 */
final class CrashLoopGuard {

	private final int maxRestarts;

	private final Duration window;

	private final Clock clock;

	private final Deque<Instant> restarts = new ArrayDeque<>();

	/**
	 * Creates a guard.
	 * @param maxRestarts restarts allowed inside the window
	 * @param window how far back restarts count
	 * @param clock the time source
	 */
	CrashLoopGuard(int maxRestarts, Duration window, Clock clock) {
		this.maxRestarts = maxRestarts;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Whether one more restart is allowed now; when it is, it is counted.
	 * @return {@code false} when the replica is in a crash loop
	 */
	synchronized boolean tryRestart() {
		Instant now = this.clock.instant();
		while (!this.restarts.isEmpty() && !this.restarts.peekFirst().isAfter(now.minus(this.window))) {
			this.restarts.removeFirst();
		}
		if (this.restarts.size() >= this.maxRestarts) {
			return false;
		}
		this.restarts.addLast(now);
		return true;
	}

	/**
	 * Forgets every counted restart, as when an operator reloads the replica by hand.
	 */
	synchronized void reset() {
		this.restarts.clear();
	}

	int maxRestarts() {
		return this.maxRestarts;
	}

	Duration window() {
		return this.window;
	}

}
