package dev.scaleout.session;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.scaleout.session.UnreadableValue.Cause;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidTypeIdException;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.util.function.SingletonSupplier;

/**
 * The session format with both of its promises kept. It never writes what it would refuse to read: each value is
 * read back before it goes to Redis, and one that would not come back as the same type is not written (an empty
 * value is, as for a removed attribute, so that no replica reads a stale one). And it never fails a request on a
 * value it cannot read: that value comes back as an {@link UnreadableValue}, which {@link TolerantSessionMapper}
 * drops alone. Both are recorded in {@link SessionTypeRefusals}.
 * <p>
 * Reading back costs a second pass over each value written, except the JDK's scalars; values are written only when
 * set (Spring Session's default save mode), so a request that changes no attribute pays nothing.
 */
final class TolerantSessionSerializer implements RedisSerializer<Object> {

	/**
	 * What Spring Session's own repositories write through {@link #serialize(Object)}, without saying which
	 * attribute.
	 */
	static final String UNNAMED_ATTRIBUTE = "(unnamed: Spring Session's repository does not say)";

	private static final byte[] NO_VALUE = new byte[0];

	/**
	 * Values that always read back as themselves, so that the session's own fields, written on every request, cost
	 * no check.
	 */
	private static final Set<Class<?>> SELF_EVIDENT = Set.of(String.class, Boolean.class, Integer.class, Long.class,
			Double.class, Float.class, Short.class, Byte.class, Character.class);

	/**
	 * Up to this size a self-evident value is written unchecked: no limit of session JSON is this small.
	 */
	private static final int SELF_EVIDENT_SIZE = 100;

	private final SessionJson json;

	private final SessionTypeRefusals refusals;

	private final Supplier<SessionJson> trustingEveryType;

	/**
	 * @param json the session format
	 * @param configuredTrustedPackages the value of {@code scaleout.session.trusted-packages}, which a refusal's fix
	 * extends
	 */
	TolerantSessionSerializer(SessionJson json, List<String> configuredTrustedPackages) {
		this.json = json;
		this.refusals = new SessionTypeRefusals(configuredTrustedPackages);
		this.trustingEveryType = SingletonSupplier.of(json::trustingEveryType);
	}

	SessionTypeRefusals refusals() {
		return this.refusals;
	}

	/**
	 * Whether values of a type are read.
	 * @param typeName the type's name
	 * @return whether the type exists here and is trusted
	 */
	boolean trusts(String typeName) {
		return this.json.trusts(typeName);
	}

	@Override
	public byte[] serialize(@Nullable Object value) {
		return serialize(UNNAMED_ATTRIBUTE, value);
	}

	/**
	 * Serializes the value of a field of a session's hash, naming the attribute in the WARN of a value that
	 * {@code serializer} refuses to store when it is this format.
	 * @param serializer the session's serializer
	 * @param field the hash field, e.g. {@code sessionAttr:cart}
	 * @param value the value
	 * @return the bytes to store; empty for a refused value
	 */
	static byte @Nullable [] serializeField(RedisSerializer<Object> serializer, String field, Object value) {
		if (!(serializer instanceof TolerantSessionSerializer tolerant)) {
			return serializer.serialize(value);
		}
		if (field.startsWith(RedisSession.ATTRIBUTE_PREFIX)) {
			return tolerant.serialize(field.substring(RedisSession.ATTRIBUTE_PREFIX.length()), value);
		}
		// The session's own fields (creation and access times, timeout) are plain numbers, as Spring Session writes
		// them: they read back as the Long and Integer its mapper expects.
		return (value instanceof Long || value instanceof Integer) ? value.toString().getBytes(StandardCharsets.UTF_8)
				: tolerant.serialize(value);
	}

	/**
	 * Writes the value of an attribute, or no value when it would not read back.
	 * @param attribute the attribute's name, for the log
	 * @param value the value
	 * @return its JSON, or an empty array
	 */
	byte[] serialize(String attribute, @Nullable Object value) {
		if (value == null) {
			return NO_VALUE;
		}
		byte[] bytes;
		try {
			bytes = this.json.serialize(value);
		}
		catch (SerializationException ex) {
			return refuse(attribute, new UnreadableValue(value.getClass().getName(),
					"cannot be written as JSON (" + describe(ex) + ")", Cause.NO_JSON_FORM));
		}
		if (SELF_EVIDENT.contains(value.getClass()) && bytes.length <= SELF_EVIDENT_SIZE) {
			return bytes;
		}
		UnreadableValue unreadable = readBack(value, bytes);
		return (unreadable != null) ? refuse(attribute, unreadable) : bytes;
	}

	private @Nullable UnreadableValue readBack(Object value, byte[] bytes) {
		Object read = deserialize(bytes);
		if (read instanceof UnreadableValue unreadable) {
			return whyNotWritten(value, bytes, unreadable);
		}
		if (read == null || !sameType(value.getClass(), read.getClass())) {
			return new UnreadableValue(value.getClass().getName(),
					"reads back from JSON as " + ((read != null) ? read.getClass().getName() : "null"), Cause.NO_JSON_FORM);
		}
		return null;
	}

	/**
	 * What keeps a value this replica holds from being read back: trusting its type helps only if the value would
	 * then read back, which is tried once per type; and a class this replica has but cannot find by name is a lambda
	 * or another hidden class, not a class of another build.
	 */
	private UnreadableValue whyNotWritten(Object value, byte[] bytes, UnreadableValue unreadable) {
		String type = value.getClass().getName();
		if (unreadable.cause() == Cause.OVER_LIMIT) {
			return new UnreadableValue(type, unreadable.reason(), Cause.OVER_LIMIT);
		}
		if (unreadable.cause() == Cause.MISSING_CLASS) {
			return new UnreadableValue(type, "cannot be read back from JSON (no class can be found by the name "
					+ unreadable.type() + ": a lambda?)", Cause.NO_JSON_FORM);
		}
		if (unreadable.cause() == Cause.UNTRUSTED_TYPE && !this.refusals.refused(unreadable.type())
				&& !this.refusals.refused(type)) {
			Object trusted = deserialize(this.trustingEveryType.get(), bytes);
			String notHelping = "is not a trusted type, and trusting it would not help: it ";
			if (trusted instanceof UnreadableValue why) {
				return new UnreadableValue(type, notHelping + why.reason(), Cause.NO_JSON_FORM);
			}
			if (trusted == null || !sameType(value.getClass(), trusted.getClass())) {
				return new UnreadableValue(type, notHelping + "reads back from JSON as "
						+ ((trusted != null) ? trusted.getClass().getName() : "null"), Cause.NO_JSON_FORM);
			}
		}
		return unreadable;
	}

	/**
	 * The same class; or, for the JDK's hidden implementations of {@link List}, {@link Set} and {@link Map}
	 * ({@code List.of}, {@code Arrays.asList}…), which no application can name in a cast, one of the same interface.
	 */
	private static boolean sameType(Class<?> written, Class<?> read) {
		if (written == read) {
			return true;
		}
		if (Modifier.isPublic(written.getModifiers()) || !written.getName().startsWith("java.util.")) {
			return false;
		}
		return Stream.of(List.class, Set.class, Map.class)
			.anyMatch((type) -> type.isAssignableFrom(written) && type.isAssignableFrom(read));
	}

	private byte[] refuse(String attribute, UnreadableValue unreadable) {
		this.refusals.refusedToWrite(attribute, unreadable);
		return NO_VALUE;
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		return deserialize(this.json, bytes);
	}

	private static @Nullable Object deserialize(SessionJson json, byte @Nullable [] bytes) {
		try {
			return json.deserialize(bytes);
		}
		catch (SerializationException ex) {
			return unreadable(json, bytes, ex);
		}
	}

	private static UnreadableValue unreadable(SessionJson json, byte[] bytes, SerializationException ex) {
		if (ex.getCause() instanceof StreamConstraintsException) {
			return new UnreadableValue(json.rootTypeName(bytes), "goes beyond the limits of session JSON ("
					+ describe(ex) + ")", Cause.OVER_LIMIT);
		}
		if (ex.getCause() instanceof InvalidTypeIdException invalid && invalid.getTypeId() != null) {
			String type = invalid.getTypeId();
			if (!json.knows(type)) {
				return new UnreadableValue(type, "has no class on this replica", Cause.MISSING_CLASS);
			}
			if (!json.trusts(type)) {
				return new UnreadableValue(type, "is not a trusted type", Cause.UNTRUSTED_TYPE);
			}
		}
		return new UnreadableValue(json.rootTypeName(bytes), "cannot be read from JSON (" + describe(ex) + ")",
				Cause.NO_JSON_FORM);
	}

	private static String describe(SerializationException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: cause.getMessage();
		return cause.getClass().getSimpleName() + ": " + firstLine(message);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end != -1) ? message.substring(0, end) : message;
	}

}
