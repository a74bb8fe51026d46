package dev.scaleout.gateway.discovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway finds its replicas.
 *
 * @param backends comma-separated base URLs of the replicas, each optionally followed by
 * {@code ;weight=N}; used when {@code discovery} is {@code static}
 * @param discovery how replicas are found: {@code static} (the {@code backends} list) or
 * {@code dns} (every A record of {@code dns.host}) or {@code file} (the base URLs listed in
 * {@code file.path})
 * @param dns DNS discovery settings
 * @param file file discovery settings
 */
@Validated
@ConfigurationProperties("scaleout.gateway")
public record DiscoveryProperties(@DefaultValue List<String> backends, @DefaultValue("static") Discovery discovery,
		@Valid @DefaultValue Dns dns, @Valid @DefaultValue File file) {

	/**
	 * How replicas are discovered.
	 */
	public enum Discovery {

		/** A fixed list of base URLs. */
		STATIC,

		/** All A records of one host name, resolved periodically. */
		DNS,

		/** The base URLs listed in a file, read again when it changes. */
		FILE

	}

	/**
	 * DNS discovery: a Docker Compose service with replicas or a Kubernetes headless Service.
	 *
	 * @param host host name whose A records are the replicas
	 * @param port port every replica listens on
	 * @param scheme scheme used to reach the replicas
	 * @param refreshInterval how often the host name is resolved again
	 */
	public record Dns(String host, @DefaultValue("8080") @Min(1) @Max(65535) int port,
			@DefaultValue("http") String scheme,
			@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration refreshInterval) {
	}

	/**
	 * File discovery: a text file with one base URL per line, kept up to date by a
	 * supervisor such as {@code ./scaleout up}.
	 *
	 * @param path the file; lines are base URLs as in {@code backends}, {@code #} starts a
	 * comment
	 * @param refreshInterval how often the file is checked for changes
	 */
	public record File(Path path, @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration refreshInterval) {
	}

}
