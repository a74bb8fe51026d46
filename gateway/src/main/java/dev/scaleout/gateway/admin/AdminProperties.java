package dev.scaleout.gateway.admin;

import java.net.InetAddress;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin API and console's own HTTP server.
 *
 * @param enabled Whether the admin API and console are served.
 * @param address The address the admin server listens on; loopback unless operators reach the gateway's host from elsewhere (then put the token on it and keep the port off the internet).
 * @param port The admin server's port, never the proxied one; 0 picks a free port.
 * @param token The credential that changes need, sent as Authorization: Bearer; none set makes the API and console read-only.
 */
@Validated
@ConfigurationProperties("scaleout.gateway.admin")
public record AdminProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("127.0.0.1") @NotNull InetAddress address,
		@DefaultValue("8081") @Min(0) @Max(65535) int port, @Nullable String token) {

	/**
	 * Whether changes are allowed at all.
	 * @return true when a token is set
	 */
	boolean writable() {
		return this.token != null && !this.token.isBlank();
	}

}
