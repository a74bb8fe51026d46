package dev.scaleout.session;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * How session attributes are stored in Redis.
 * <p>
 * Attributes are JSON with their Java type named beside each value, and only trusted types are read back: the JDK's
 * value and collection types, the types Spring MVC and Spring Security keep in a session, those of the
 * application's own packages (its {@code @SpringBootApplication} package and below), and those of
 * {@link #trustedPackages()}. A value of any other type is not stored in Redis; a WARN line names the setting that
 * would allow it.
 *
 * @param trustedPackages Further packages whose types may be stored in a session, such as com.example.cart, besides
 * the application's own.
 * @param retryAfter What the Retry-After header of a 503 tells the client when a request needs the session and
 * Redis is unreachable, in whole seconds, at least 1.
 */
@ConfigurationProperties("scaleout.session")
public record RedisSessionProperties(@DefaultValue List<String> trustedPackages,
		@DefaultValue("2s") Duration retryAfter) {

	private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

	public RedisSessionProperties {
		for (String name : trustedPackages) {
			if (!PACKAGE_NAME.matcher(name).matches()) {
				throw new InvalidConfigurationPropertyValueException("scaleout.session.trusted-packages", name,
						"Trusted packages must be Java package names such as com.example.cart, without wildcards.");
			}
		}
		trustedPackages = List.copyOf(trustedPackages);
		if (retryAfter.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.session.retry-after", retryAfter,
					"Retry-After must be zero or positive, for example 2s.");
		}
	}

}
