package dev.scaleout.sample;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sample app.
 *
 * @param user the demo account that {@code POST /login} accepts
 * @param downstreamUrl what {@code GET /downstream} calls through a circuit breaker; by default a loopback port
 * where nothing listens, so that the breaker's fallback and opening can be watched without a second service
 * @param login How failed logins are throttled, across all replicas.
 */
@Validated
@ConfigurationProperties("scaleout.sample")
public record SampleProperties(@DefaultValue @Valid User user,
		@DefaultValue("http://127.0.0.1:9/") @NotNull URI downstreamUrl, @DefaultValue @Valid Login login) {

	/**
	 * The demo account.
	 *
	 * @param name the user name
	 * @param password the password, hashed and prefixed with its encoding as Spring Security's
	 * {@code DelegatingPasswordEncoder} reads it, e.g. {@code {bcrypt}$2a$10$…}; the default is the hash of
	 * {@code demo}
	 * @param maxSessions How many sessions the user may have at once, across all replicas; a login beyond that ends
	 * the least recently used one. Unlimited when not set. When set, every request that carries a session cookie
	 * reads its session (Spring Security's concurrent session control checks it).
	 */
	public record User(@DefaultValue("demo") @NotBlank String name,
			@DefaultValue("{bcrypt}$2a$10$zI8IkYeMEZRJPbndfTUefuSQxtnxdd/Y.vy125SIv8q4b6ZCmMkna") @NotBlank String password,
			@Nullable @Positive Integer maxSessions) {

	}

	/**
	 * Throttling of failed logins, counted in Redis so that it holds across replicas: past its free failures, a user
	 * name or a client address is locked out for a time that doubles with each further failure. A login attempt
	 * while locked is answered 429 with Retry-After, whatever its password.
	 *
	 * @param freeFailures How many failed logins of one user name are answered at once before the lockouts start.
	 * @param freeFailuresPerAddress How many failed logins from one client address, whatever the user names, are
	 * answered at once before the lockouts start. Higher than per user: many users may share an address behind NAT.
	 * @param firstLockout How long the first lockout lasts; each further failure doubles it.
	 * @param maxLockout The longest lockout.
	 * @param forgetAfter How long after its last failure a user name or address starts afresh. A successful login
	 * forgets the failures of its user name at once.
	 */
	public record Login(@DefaultValue("5") @Positive int freeFailures,
			@DefaultValue("20") @Positive int freeFailuresPerAddress, @DefaultValue("1s") Duration firstLockout,
			@DefaultValue("15m") Duration maxLockout, @DefaultValue("1h") Duration forgetAfter) {

		public Login {
			if (firstLockout.toMillis() <= 0) {
				throw new InvalidConfigurationPropertyValueException("scaleout.sample.login.first-lockout",
						firstLockout, "The first lockout must be at least a millisecond, for example 1s.");
			}
			if (maxLockout.compareTo(firstLockout) < 0) {
				throw new InvalidConfigurationPropertyValueException("scaleout.sample.login.max-lockout", maxLockout,
						"The longest lockout must be at least the first one (" + firstLockout + ").");
			}
			if (forgetAfter.compareTo(maxLockout) < 0) {
				throw new InvalidConfigurationPropertyValueException("scaleout.sample.login.forget-after",
						forgetAfter, "Failures must be remembered at least as long as the longest lockout ("
								+ maxLockout + "), or lockouts would stop growing.");
			}
		}

	}

}
