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
 * Passive outlier ejection, by Envoy's rules: a backend whose real traffic keeps failing
 * is taken out of the pool for a while, without waiting for health checks. Only
 * gateway-class failures count: a connect failure, reset, timeout, 502, 504, or 503
 * without Retry-After. A 500 (the application's answer to one request) and a 503 with
 * Retry-After (load shedding) never eject a backend.
 *
 * @param enabled Whether failing backends are ejected.
 * @param consecutiveFailures Consecutive gateway failures (connect failure, reset, timeout, 502, 504, 503 without Retry-After) that eject a backend.
 * @param baseTime How long the first ejection lasts; the n-th ejection in a row lasts n times as long.
 * @param maxTime The longest an ejection lasts.
 * @param decayInterval How long a backend must stay in the pool for its ejection multiplier to drop by one.
 * @param maxPercent The largest share of the pool that may be ejected at once, in percent.
 * @param panicThreshold When fewer than this percentage of the pool is left after ejection, ejection is ignored and every backend that is not DOWN receives traffic; 0 turns the panic mode off.
 */
@Validated
@ConfigurationProperties("scaleout.gateway.ejection")
public record EjectionProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("5") @Min(1) int consecutiveFailures,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration baseTime,
		@DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration maxTime,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration decayInterval,
		@DefaultValue("50") @Min(0) @Max(100) int maxPercent,
		@DefaultValue("50") @Min(0) @Max(100) int panicThreshold) {
}
