package dev.scaleout.instance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity of this replica among its peers.
 *
 * @param id the replica's id, in every response header, log line and {@code /actuator/info}; unique per
 * process by default ({@code <hostname>-<pid>}). Letters, digits, {@code . _ : -}, at most 128 characters.
 * @param headerEnabled whether every HTTP response carries the id in {@link #headerName()}
 * @param headerName the response header that carries the id
 */
@Validated
@ConfigurationProperties("scaleout.instance")
public record InstanceProperties(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}",
				message = "must be 1 to 128 letters, digits or . _ : -") String id,
		@DefaultValue("true") boolean headerEnabled,
		@DefaultValue("X-Instance-Id") @Pattern(regexp = "[A-Za-z0-9!#$%&'*+.^_`|~-]+",
				message = "must be a valid HTTP header name") String headerName) {

	public InstanceProperties {
		if (id == null) {
			id = DefaultInstanceId.get();
		}
	}

}
