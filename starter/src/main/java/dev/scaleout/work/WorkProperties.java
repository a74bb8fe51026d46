package dev.scaleout.work;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.validation.annotation.Validated;

/**
 * The bounded pool for CPU-heavy work, so that it cannot take every request thread.
 *
 * @param threads how many tasks run at once; the number of cores by default
 * @param queue how many tasks may wait for a thread; when the queue is full a new task is refused with 503
 * @param retryAfter what the 503's {@code Retry-After} header tells the client (whole seconds, at least 1)
 */
@Validated
@ConfigurationProperties("scaleout.work")
public record WorkProperties(@Nullable @Positive Integer threads, @DefaultValue("10") @PositiveOrZero int queue,
		@DefaultValue("1s") Duration retryAfter) {

	public WorkProperties {
		if (threads == null) {
			threads = Runtime.getRuntime().availableProcessors();
		}
		if (retryAfter.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.work.retry-after", retryAfter,
					"Retry-After must be zero or positive, for example 1s.");
		}
	}

}
