package dev.scaleout.gateway.balancing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway picks a backend for each request.
 *
 * @param strategy the balancing strategy: {@code least-requests}, {@code round-robin} or
 * {@code weighted}
 * @param slowStart how long a backend that just turned healthy takes to reach its full
 * share of traffic; {@code 0s} turns slow start off
 */
@Validated
@ConfigurationProperties("scaleout.gateway")
public record BalancingProperties(@DefaultValue("least-requests") @NotNull Strategy strategy,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 0) Duration slowStart) {

	/**
	 * A balancing strategy.
	 */
	public enum Strategy {

		/**
		 * Power of two choices: pick two backends at random, send to the one with fewer
		 * requests in flight.
		 */
		LEAST_REQUESTS,

		/** Each backend in turn. */
		ROUND_ROBIN,

		/** Each backend in turn, in proportion to its {@code ;weight=N}. */
		WEIGHTED

	}

}
