package dev.scaleout.gateway.routing;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway talks to the replicas and answers when none is available.
 *
 * @param connectTimeout how long opening a connection to a backend may take
 * @param responseTimeout how long a backend may take to send its response headers;
 * {@code 0s} waits forever
 * @param unavailableRetryAfter the {@code Retry-After} sent with the 503 answered when no backend is
 * available
 * @param pool the client connection pool to the backends
 */
@Validated
@ConfigurationProperties("scaleout.gateway")
public record ProxyProperties(@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 0) Duration responseTimeout,
		@DefaultValue("1s") @NotNull @DurationMin(seconds = 0) Duration unavailableRetryAfter, @Valid @DefaultValue Pool pool) {

	/**
	 * The connection pool to the backends. Idle connections must be closed by the gateway
	 * before the replicas' keep-alive timeout closes them, or a request may be written to
	 * a connection the replica is closing.
	 *
	 * @param maxIdleTime how long a pooled connection may stay idle; keep it below the
	 * replicas' keep-alive timeout
	 * @param maxLifeTime how long a pooled connection may live, so traffic moves to new
	 * replicas during rolling deploys
	 * @param maxConnections the most connections to all backends together
	 */
	public record Pool(@DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration maxIdleTime,
			@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration maxLifeTime,
			@DefaultValue("1000") int maxConnections) {
	}

}
