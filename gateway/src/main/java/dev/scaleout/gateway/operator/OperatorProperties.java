package dev.scaleout.gateway.operator;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where operator settings (drain, maintenance, runtime weights) are kept.
 *
 * @param store Where operator settings are kept: redis (shared by every gateway on that Redis, kept across restarts), memory (this gateway only), or auto (redis when a spring.data.redis host, url, sentinel or cluster is set).
 * @param refreshInterval How often each gateway re-reads the settings from Redis: the longest a change made on another gateway takes to apply here.
 */
@Validated
@ConfigurationProperties("scaleout.gateway.operator")
public record OperatorProperties(@DefaultValue("auto") @NotNull Store store,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration refreshInterval) {

	/**
	 * Where operator settings are kept.
	 */
	public enum Store {

		/** Redis when one is configured, else memory. */
		AUTO,

		/** One Redis hash shared by every gateway. */
		REDIS,

		/** This gateway's memory. */
		MEMORY

	}

}
