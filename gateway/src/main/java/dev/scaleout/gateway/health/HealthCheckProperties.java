package dev.scaleout.gateway.health;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Active health checks: a {@code GET} of each backend's readiness endpoint.
 *
 * @param enabled whether backends are probed at all; when off every discovered backend
 * is considered healthy
 * @param path the path probed on each backend; any 2xx answer is healthy
 * @param interval time between two probes of the same backend
 * @param timeout how long one probe may take before it counts as failed
 * @param rise consecutive successful probes that bring a DOWN backend back UP
 * @param fall consecutive failed probes that take an UP backend DOWN
 */
@Validated
@ConfigurationProperties("scaleout.gateway.health")
public record HealthCheckProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("/actuator/health/readiness") @NotNull String path,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration interval,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration timeout, @DefaultValue("2") @Min(1) int rise,
		@DefaultValue("3") @Min(1) int fall) {
}
