package dev.scaleout.session;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.scaleout.session.UnreadableValue.Cause;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The types this replica refused to store in, or read from, a session in Redis: one WARN line per type, naming the
 * attribute, the type and what would allow it, and the list the replication report shows.
 */
final class SessionTypeRefusals {

	static final String TRUSTED_PACKAGES_PROPERTY = "scaleout.session.trusted-packages";

	static final String LIMITS_PROPERTIES = "scaleout.session.json.";

	/**
	 * The roots of the JDK's packages, which may not be trusted whole.
	 */
	static final List<String> JDK_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun");

	private static final String JDK_FIX = "Of the JDK only value and collection types are trusted, none that does "
			+ "I/O, starts a thread or loads a class; keep what the application needs of it in a record of its own.";

	/**
	 * Bounds the record: a type comes from the application's code, but the JSON of a corrupt value may name
	 * anything.
	 */
	private static final int MAX_TYPES = 200;

	private static final String UNKNOWN_TYPE = "(no type named)";

	private static final Log logger = LogFactory.getLog(SessionTypeRefusals.class);

	private final List<String> configuredTrustedPackages;

	private final Map<String, Refusal> byType = new ConcurrentHashMap<>();

	/**
	 * @param configuredTrustedPackages the value of {@value #TRUSTED_PACKAGES_PROPERTY}, which a fix extends
	 */
	SessionTypeRefusals(List<String> configuredTrustedPackages) {
		this.configuredTrustedPackages = List.copyOf(configuredTrustedPackages);
	}

	/**
	 * Records that an attribute was not written to Redis, logging it the first time its type is refused.
	 * @param attribute the attribute's name
	 * @param why what reading it back would have given
	 */
	void refusedToWrite(String attribute, UnreadableValue why) {
		record(new Refusal(typeOf(why), attribute, Direction.WRITE, why.reason(), fix(why)));
	}

	/**
	 * Records that an attribute read from Redis was dropped, logging it the first time its type is refused.
	 * @param attribute the attribute's name
	 * @param why why it could not be read
	 */
	void refusedToRead(String attribute, UnreadableValue why) {
		record(new Refusal(typeOf(why), attribute, Direction.READ, why.reason(), fix(why)));
	}

	/**
	 * Whether a type was refused already.
	 * @param type the type's name, as the JSON gives it
	 * @return whether it was
	 */
	boolean refused(@Nullable String type) {
		return type != null && this.byType.containsKey(type);
	}

	/**
	 * The distinct types refused so far, each with the first attribute and direction it was refused in.
	 * @return the refusals, in no particular order
	 */
	Collection<Refusal> refusals() {
		return List.copyOf(this.byType.values());
	}

	/**
	 * The setting that trusts a type's package besides those trusted already.
	 * @param typeName a type's name, as the JSON gives it
	 * @return e.g. {@code scaleout.session.trusted-packages=com.example.user,com.example.cart}
	 */
	String propertyAllowing(String typeName) {
		Set<String> packages = new LinkedHashSet<>(this.configuredTrustedPackages);
		packages.add(packageOf(typeName));
		return TRUSTED_PACKAGES_PROPERTY + "=" + String.join(",", packages);
	}

	private void record(Refusal refusal) {
		if (this.byType.size() >= MAX_TYPES && !this.byType.containsKey(refusal.type())) {
			logger.debug(refusal.message());
			return;
		}
		if (this.byType.putIfAbsent(refusal.type(), refusal) == null) {
			logger.warn(refusal.message());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(refusal.message());
		}
	}

	private String fix(UnreadableValue why) {
		if (why.type() == null && why.cause() != Cause.OVER_LIMIT) {
			return "It was not written in this format: corrupt, or from an incompatible version of the application.";
		}
		return switch (why.cause()) {
			case UNTRUSTED_TYPE -> isJdkPackage(packageOf(why.type())) ? JDK_FIX
					: "To allow it, set " + propertyAllowing(why.type()) + ".";
			case MISSING_CLASS -> "Was it written by another build of the application? It is left in Redis for "
					+ "the replicas that have the class.";
			case OVER_LIMIT -> "Keep values this large out of the session, or raise the limit named with "
					+ LIMITS_PROPERTIES + "* if the application means to keep them.";
			case NO_JSON_FORM -> "Store a type Jackson can write and read back (a record, or a class with a "
					+ "constructor Jackson can use), or keep this value out of the session.";
		};
	}

	/**
	 * Whether a package is the JDK's: those are never trusted whole, as they hold types that do I/O or load classes.
	 * @param packageName a package's name, e.g. java.net
	 * @return whether it is java, javax, jdk, sun or com.sun, or below one of them
	 */
	static boolean isJdkPackage(String packageName) {
		return JDK_PACKAGES.stream().anyMatch((jdk) -> packageName.equals(jdk) || packageName.startsWith(jdk + "."));
	}

	private static String typeOf(UnreadableValue why) {
		return (why.type() != null) ? why.type() : UNKNOWN_TYPE;
	}

	/**
	 * The package of a type, or of the element type of an array type.
	 */
	static String packageOf(String typeName) {
		String name = typeName;
		int generic = name.indexOf('<');
		if (generic != -1) {
			name = name.substring(0, generic);
		}
		if (name.startsWith("[")) {
			name = name.substring(name.lastIndexOf('[') + 1);
			name = (name.startsWith("L") && name.endsWith(";")) ? name.substring(1, name.length() - 1) : name;
		}
		while (name.endsWith("[]")) {
			name = name.substring(0, name.length() - 2);
		}
		return ClassUtils.getPackageName(name);
	}

	/**
	 * Whether a value was being written to Redis or read from it.
	 */
	enum Direction {

		READ, WRITE

	}

	/**
	 * A type refused in a session.
	 *
	 * @param type the type's name
	 * @param attribute the attribute that held it when it was first refused
	 * @param direction whether it was refused on write or on read
	 * @param reason why, worded to follow the type: "is not a trusted type"
	 * @param fix what would allow it, e.g. a setting
	 */
	record Refusal(String type, String attribute, Direction direction, String reason, String fix) {

		/**
		 * What was refused and why, e.g. "com.example.cart.Cart is not a trusted type".
		 */
		String subject() {
			return (this.type.equals(UNKNOWN_TYPE) ? "its value" : this.type) + " " + this.reason;
		}

		String message() {
			String subject = subject();
			String what = (this.direction == Direction.WRITE)
					? "Not storing session attribute '" + this.attribute + "' in Redis: " + subject
							+ "; it stays in this request's session only, as no replica could read it back."
					: "Dropping session attribute '" + this.attribute + "' read from Redis: " + subject
							+ "; the rest of the session is kept.";
			return what + " " + this.fix;
		}

	}

}
