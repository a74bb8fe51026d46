package dev.scaleout.session;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadConstraints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

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
 * @param json How large and deep the JSON of one session attribute may be. A value beyond a limit is not read: its
 * attribute is dropped from the session with a WARN line, and not written in the first place.
 */
@ConfigurationProperties("scaleout.session")
public record RedisSessionProperties(@DefaultValue List<String> trustedPackages,
		@DefaultValue("2s") Duration retryAfter, @DefaultValue(DEFAULT_TOUCH_INTERVAL) Duration touchInterval,
		@DefaultValue Lock lock, @DefaultValue JsonLimits json) {

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
			if (SessionTypeRefusals.isJdkPackage(name)) {
				throw new InvalidConfigurationPropertyValueException("scaleout.session.trusted-packages", name,
						"The JDK's packages cannot be trusted whole: they hold types that do I/O or load classes. "
								+ "The JDK's value and collection types are trusted already.");
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

	/**
	 * What the JSON of one session attribute may hold at most, so that a corrupt or hostile value in Redis cannot
	 * exhaust a replica's memory or stack. The defaults are far above what a login, a cart or flash attributes need.
	 *
	 * @param maxDocumentSize The largest JSON of one attribute.
	 * @param maxStringLength The most characters of one string in an attribute's JSON.
	 * @param maxNestingDepth The deepest nesting of arrays and objects in an attribute's JSON.
	 * @param maxNumberLength The most digits of one number in an attribute's JSON.
	 * @param maxTokens The most JSON tokens (values, names and brackets) in an attribute's JSON, which bounds the
	 * number of elements of its arrays, collections and maps.
	 */
	public record JsonLimits(@DefaultValue(DEFAULT_MAX_DOCUMENT_SIZE) DataSize maxDocumentSize,
			@DefaultValue(DEFAULT_MAX_STRING_LENGTH) int maxStringLength,
			@DefaultValue(DEFAULT_MAX_NESTING_DEPTH) int maxNestingDepth,
			@DefaultValue(DEFAULT_MAX_NUMBER_LENGTH) int maxNumberLength,
			@DefaultValue(DEFAULT_MAX_TOKENS) long maxTokens) {

		/**
		 * A thousand times a login with an OIDC token, which takes a few kilobytes.
		 */
		static final String DEFAULT_MAX_DOCUMENT_SIZE = "4MB";

		static final String DEFAULT_MAX_STRING_LENGTH = "1000000";

		/**
		 * Spring Security's deepest login, an OIDC user, nests less than ten levels.
		 */
		static final String DEFAULT_MAX_NESTING_DEPTH = "100";

		/**
		 * Room for any long, double or reasonable BigDecimal; Jackson's own default is 1000.
		 */
		static final String DEFAULT_MAX_NUMBER_LENGTH = "100";

		static final String DEFAULT_MAX_TOKENS = "100000";

		/**
		 * The limits when none is configured.
		 */
		static final JsonLimits DEFAULTS = new JsonLimits(DataSize.parse(DEFAULT_MAX_DOCUMENT_SIZE),
				Integer.parseInt(DEFAULT_MAX_STRING_LENGTH), Integer.parseInt(DEFAULT_MAX_NESTING_DEPTH),
				Integer.parseInt(DEFAULT_MAX_NUMBER_LENGTH), Long.parseLong(DEFAULT_MAX_TOKENS));

		public JsonLimits {
			positive("max-document-size", maxDocumentSize, maxDocumentSize.toBytes(), DEFAULT_MAX_DOCUMENT_SIZE);
			positive("max-string-length", maxStringLength, maxStringLength, DEFAULT_MAX_STRING_LENGTH);
			positive("max-nesting-depth", maxNestingDepth, maxNestingDepth, DEFAULT_MAX_NESTING_DEPTH);
			positive("max-number-length", maxNumberLength, maxNumberLength, DEFAULT_MAX_NUMBER_LENGTH);
			positive("max-tokens", maxTokens, maxTokens, DEFAULT_MAX_TOKENS);
		}

		private static void positive(String name, Object value, long amount, String example) {
			if (amount <= 0) {
				throw new InvalidConfigurationPropertyValueException("scaleout.session.json." + name, value,
						"Session JSON limits must be positive, for example " + example + ".");
			}
		}

		/**
		 * These limits as Jackson applies them while it reads.
		 * @return Jackson's read constraints
		 */
		StreamReadConstraints toConstraints() {
			return StreamReadConstraints.builder()
				.maxDocumentLength(this.maxDocumentSize.toBytes())
				.maxStringLength(this.maxStringLength)
				.maxNestingDepth(this.maxNestingDepth)
				.maxNumberLength(this.maxNumberLength)
				.maxTokenCount(this.maxTokens)
				.build();
		}

	}

}
