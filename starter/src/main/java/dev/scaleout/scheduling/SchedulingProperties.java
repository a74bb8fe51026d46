package dev.scaleout.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Defaults for {@code @SchedulerLock} jobs, which run on one replica per tick. A job's own annotation attributes
 * win.
 *
 * @param lockAtMostFor how long a lock is held at most, should the replica holding it die; longer than the job's
 * longest run
 * @param lockAtLeastFor how long a lock is held at least, even when the job finishes sooner: it covers clock skew
 * between replicas, so that a replica whose clock lags does not run the same tick again
 */
@ConfigurationProperties("scaleout.scheduling")
public record SchedulingProperties(@DefaultValue(DEFAULT_LOCK_AT_MOST_FOR) Duration lockAtMostFor,
		@DefaultValue(DEFAULT_LOCK_AT_LEAST_FOR) Duration lockAtLeastFor) {

	static final String DEFAULT_LOCK_AT_MOST_FOR = "30s";

	static final String DEFAULT_LOCK_AT_LEAST_FOR = "1s";

	public SchedulingProperties {
		if (lockAtMostFor.isNegative() || lockAtMostFor.isZero()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.scheduling.lock-at-most-for", lockAtMostFor,
					"The lock must be held for a positive time, for example 30s.");
		}
		if (lockAtLeastFor.isNegative() || lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
			throw new InvalidConfigurationPropertyValueException("scaleout.scheduling.lock-at-least-for",
					lockAtLeastFor, "Must be between 0 and scaleout.scheduling.lock-at-most-for (" + lockAtMostFor
							+ ").");
		}
	}

}
