package dev.scaleout.sample;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sample app.
 *
 * @param user the demo account that {@code POST /login} accepts
 * @param downstreamUrl what {@code GET /downstream} calls through a circuit breaker; by default a loopback port
 * where nothing listens, so that the breaker's fallback and opening can be watched without a second service
 */
@Validated
@ConfigurationProperties("scaleout.sample")
public record SampleProperties(@DefaultValue @Valid User user,
		@DefaultValue("http://127.0.0.1:9/") @NotNull URI downstreamUrl) {

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

}
