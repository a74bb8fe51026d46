package dev.scaleout.work;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The bounded pool for CPU-heavy work, so that it cannot take every request thread.
 *
 * @param threads how many tasks run at once; the number of cores by default
 * @param queue how many tasks may wait for a thread; when the queue is full a new task is refused with 503
 * @param retryAfter what the 503's {@code Retry-After} header tells the client (whole seconds, at least 1)
 */
@ConfigurationProperties("scaleout.work")
public record WorkProperties(@Nullable Integer threads, @DefaultValue("10") int queue,
		@DefaultValue("1s") Duration retryAfter) {

	public WorkProperties {
		if (threads == null) {
			threads = Runtime.getRuntime().availableProcessors();
		}
		if (threads < 1) {
			throw new InvalidConfigurationPropertyValueException("scaleout.work.threads", threads,
					"The pool needs at least one thread.");
		}
		if (queue < 0) {
			throw new InvalidConfigurationPropertyValueException("scaleout.work.queue", queue,
					"The queue length must be zero or positive.");
		}
		if (retryAfter.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.work.retry-after", retryAfter,
					"Retry-After must be zero or positive, for example 1s.");
		}
	}

}
