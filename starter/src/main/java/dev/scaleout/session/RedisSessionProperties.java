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
 * @param touchInterval How long after the last written access to a session its access time is written again. A
 * request that changes nothing in its session then costs one Redis round trip instead of two; a session expires
 * early by at most this much, and never by more than a tenth of its timeout. Zero writes every access, as Spring
 * Session does.
 * @param lock Whether and how the requests of one session that may write it run one at a time.
 */
@ConfigurationProperties("scaleout.session")
public record RedisSessionProperties(@DefaultValue List<String> trustedPackages,
		@DefaultValue("2s") Duration retryAfter, @DefaultValue(DEFAULT_TOUCH_INTERVAL) Duration touchInterval,
		@DefaultValue Lock lock) {

	/**
	 * One write a minute of a session that is only read: a session that times out after Spring Boot's default 30
	 * minutes then ends at most 3 % early.
	 */
	static final String DEFAULT_TOUCH_INTERVAL = "60s";

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
		if (touchInterval.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.session.touch-interval", touchInterval,
					"The touch interval must be zero (write every access) or positive, for example 60s.");
		}
	}

	/**
	 * A lock per session that makes the requests of one session that may write it — every method but GET, HEAD,
	 * OPTIONS and TRACE — run one at a time across all replicas, so that no update is lost.
	 *
	 * @param enabled Whether the requests of one session that may write it run one at a time. Requests that only
	 * read (GET, HEAD, OPTIONS, TRACE) never wait.
	 * @param timeout How long a request waits for the requests of its session ahead of it, before it is answered
	 * 503 with Retry-After.
	 * @param lease How long a lock holds when its request neither saves nor ends, for example because its replica
	 * died. Longer than the longest request.
	 */
	public record Lock(@DefaultValue("false") boolean enabled, @DefaultValue("5s") Duration timeout,
			@DefaultValue("30s") Duration lease) {

		public Lock {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new InvalidConfigurationPropertyValueException("scaleout.session.lock.timeout", timeout,
						"The lock timeout must be positive, for example 5s.");
			}
			if (lease.isNegative() || lease.isZero()) {
				throw new InvalidConfigurationPropertyValueException("scaleout.session.lock.lease", lease,
						"The lock lease must be positive and longer than the longest request, for example 30s.");
			}
		}

	}

}
