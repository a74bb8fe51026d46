package dev.scaleout.gateway.retry;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retries of failed requests on a different backend.
 *
 * @param enabled whether failed requests are retried at all
 * @param attempts the most retries of one request (not counting the first attempt)
 * @param methods the HTTP methods retried after a reset, a 502 or a 503; they must be
 * idempotent. A request refused a connection is retried whatever its method
 * @param budgetPercent retries allowed, as a percentage of the requests received within
 * the budget window
 * @param budgetWindow how far back the retry budget counts requests and retries
 * @param budgetMinRetries retries always allowed per window, so that a quiet gateway can
 * still retry
 * @param perTryTimeout How long one try of a request of a retried method may wait for its
 * response headers before it is retried on another backend; 0 leaves only the response
 * timeout. The default, 15s, is far above what an interactive request takes, so a replica
 * that is slow but working is not sent the same work twice, and far below the 60s response
 * timeout, so a replica that hangs costs a client 15s instead of a 504 after 60s.
 */
@Validated
@ConfigurationProperties("scaleout.gateway.retry")
public record RetryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") @Min(0) int attempts,
		@DefaultValue({ "GET", "HEAD", "OPTIONS", "PUT", "DELETE" }) @NotNull Set<String> methods,
		@DefaultValue("20") @Min(0) @Max(100) int budgetPercent,
		@DefaultValue("10s") @NotNull @DurationMin(seconds = 1) Duration budgetWindow,
		@DefaultValue("3") @Min(0) int budgetMinRetries,
		@DefaultValue("15s") @NotNull @DurationMin(millis = 0) Duration perTryTimeout) {
}
