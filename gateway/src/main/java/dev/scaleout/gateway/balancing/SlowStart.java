package dev.scaleout.gateway.balancing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.health.BackendHealth;

/**
 * Ramps the share of a backend that just turned healthy from a tenth to all of it, over
 * the slow-start window: a fresh JVM answers slowly until the JIT has warmed up.
 */
public final class SlowStart {

	static final double MIN_FACTOR = 0.1;

	private final BackendHealth health;

	private final Duration window;

	private final Clock clock;

	/**
	 * Creates a slow start policy.
	 * @param health tells when each backend turned healthy
	 * @param window how long the ramp lasts; zero turns it off
	 * @param clock the time source
	 */
	public SlowStart(BackendHealth health, Duration window, Clock clock) {
		this.health = health;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * The share of its full weight a backend gets right now.
	 * @param backend the backend
	 * @return a factor between {@value #MIN_FACTOR} and 1
	 */
	public double factor(Backend backend) {
		Instant upSince = this.health.upSince(backend);
		if (this.window.isZero() || Instant.EPOCH.equals(upSince)) {
			return 1;
		}
		Duration elapsed = Duration.between(upSince, this.clock.instant());
		if (elapsed.compareTo(this.window) >= 0) {
			return 1;
		}
		return Math.max(MIN_FACTOR, (double) elapsed.toMillis() / this.window.toMillis());
	}

	/**
	 * Whether a backend is still ramping up.
	 * @param backend the backend
	 * @return {@code true} while its factor is below 1
	 */
	public boolean isRamping(Backend backend) {
		return factor(backend) < 1;
	}

}
