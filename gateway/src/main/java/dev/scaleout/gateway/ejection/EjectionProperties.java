package dev.scaleout.gateway.ejection;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Passive outlier ejection: a backend whose real traffic keeps failing is taken out of
 * the pool for a while, without waiting for health checks.
 *
 * @param enabled whether failing backends are ejected
 * @param consecutiveFailures consecutive failed calls (connect failure, reset, timeout or
 * 5xx) that eject a backend
 * @param baseTime how long the first ejection lasts; the n-th lasts n times as long
 * @param maxTime the longest an ejection lasts
 * @param maxPercent the largest share of the pool that may be ejected at once, in percent
 */
@Validated
@ConfigurationProperties("scaleout.gateway.ejection")
public record EjectionProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("5") @Min(1) int consecutiveFailures,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration baseTime,
		@DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration maxTime,
		@DefaultValue("50") @Min(0) @Max(100) int maxPercent) {
}
