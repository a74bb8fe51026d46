package dev.scaleout.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Optional cluster-wide rate limit per client IP address, kept in Redis so that every
 * gateway instance shares it ({@code spring.data.redis.*} says where Redis is).
 *
 * @param enabled whether requests are rate limited
 * @param replenishRate requests per second each client may make on average
 * @param burstCapacity requests a client may make in a burst
 * @param onRedisFailure what to do with a request when Redis cannot be reached:
 * {@code allow} (fail open) or {@code deny} (fail closed, answer 503)
 * @param redisTimeout how long to wait for Redis before treating it as unreachable
 */
@Validated
@ConfigurationProperties("scaleout.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("100") @Min(1) int replenishRate, @DefaultValue("200") @Min(1) int burstCapacity,
		@DefaultValue("allow") @NotNull OnRedisFailure onRedisFailure,
		@DefaultValue("100ms") @NotNull @DurationMin(millis = 1) Duration redisTimeout) {

	/**
	 * What happens to requests while Redis is unreachable.
	 */
	public enum OnRedisFailure {

		/** Fail open: let the request through unlimited. */
		ALLOW,

		/** Fail closed: refuse the request with a 503. */
		DENY

	}

}
