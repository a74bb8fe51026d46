package dev.scaleout.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator.Validity;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.util.ClassUtils;

/**
 * The JSON form of session attributes: Jackson with default typing restricted to trusted types, plus Spring
 * Security's modules when Spring Security is present, so that a login is readable on every replica.
 * <p>
 * Every value is written as a value of declared type {@link Object}, so that it carries its type even when that
 * type is final ({@code ["java.util.Locale","fr-FR"]}, {@code ["java.lang.Long",5]}); only JSON's natural types —
 * strings, booleans, ints and doubles — stay bare. Reading asks for an {@link Object} too, so that the type
 * named in the JSON is always checked against the trusted types before anything is instantiated.
 */
final class SessionJson implements RedisSerializer<Object> {

	private static final String SECURITY_MODULES = "org.springframework.security.jackson.SecurityJacksonModules";

	private static final String FLASH_MAP = "org.springframework.web.servlet.FlashMap";

	private static final String TYPE_PROPERTY = "@class";

	private final JsonMapper mapper;

	private final PolymorphicTypeValidator validator;

	private final ClassLoader classLoader;

	private final ObjectWriter writer;

	private final ObjectReader reader;

	private final StreamReadConstraints limits;

	private SessionJson(JsonMapper mapper, PolymorphicTypeValidator validator, ClassLoader classLoader,
			StreamReadConstraints limits) {
		this.mapper = mapper;
		this.validator = validator;
		this.classLoader = classLoader;
		this.limits = limits;
		this.writer = mapper.writerFor(Object.class);
		this.reader = mapper.readerFor(Object.class);
	}

	/**
	 * The session format trusting the JDK's value types, the types of Spring that Spring puts into a session, and
	 * those of the given packages, within the default limits.
	 * @param classLoader the class loader that finds Spring Security and Spring MVC, when present
	 * @param trustedPackages further packages whose types may be read, e.g. {@code com.example.cart}
	 * @return the format
	 */
	static SessionJson serializer(ClassLoader classLoader, Collection<String> trustedPackages) {
		return serializer(classLoader, trustedPackages, RedisSessionProperties.JsonLimits.DEFAULTS.toConstraints());
	}

	/**
	 * The session format trusting the JDK's value types, the types of Spring that Spring puts into a session, and
	 * those of the given packages.
	 * @param classLoader the class loader that finds Spring Security and Spring MVC, when present
	 * @param trustedPackages further packages whose types may be read, e.g. {@code com.example.cart}
	 * @param limits what a value read may hold at most; a value beyond them is not read
	 * @return the format
	 */
	static SessionJson serializer(ClassLoader classLoader, Collection<String> trustedPackages,
			StreamReadConstraints limits) {
		BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
		validator.allowIfSubType(new JdkSessionTypes());
		for (String prefix : allowedPrefixes(trustedPackages)) {
			validator.allowIfSubType(prefix);
		}
		return build(classLoader, validator, limits);
	}

	/**
	 * The same format, trusting every type: to tell whether trusting a refused type would make it readable. Never
	 * for what comes from Redis.
	 * @return the format trusting every type
	 */
	SessionJson trustingEveryType() {
		return build(this.classLoader, BasicPolymorphicTypeValidator.builder().allowIfSubType(Object.class),
				this.limits);
	}

	private static SessionJson build(ClassLoader classLoader, BasicPolymorphicTypeValidator.Builder validator,
			StreamReadConstraints limits) {
		// Jackson checks the element type of an array like any other type (databind#5981).
		validator.allowIfSubTypeIsArray();
		JsonMapper.Builder mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
			.typeFactory(new UninitializingTypeFactory());
		if (ClassUtils.isPresent(FLASH_MAP, classLoader)) {
			FlashMapJson.addTo(mapper, validator);
		}
		if (ClassUtils.isPresent(SECURITY_MODULES, classLoader)) {
			SecuritySessionJson.addTo(mapper, classLoader, validator);
		}
		else {
			mapper.activateDefaultTyping(validator.build(), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
		}
		// Spring Security writes dates as timestamps: a zone or offset would be lost, and the nanoseconds of an
		// instant too where Spring Security's deserializers read it through a tree of doubles.
		JsonFormat.Value asText = JsonFormat.Value.forShape(JsonFormat.Shape.STRING);
		mapper.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
			.withConfigOverride(Instant.class, (type) -> type.setFormat(asText))
			.withConfigOverride(ZonedDateTime.class, (type) -> type.setFormat(asText))
			.withConfigOverride(OffsetDateTime.class, (type) -> type.setFormat(asText));
		return new SessionJson(mapper.build(), validator.build(), classLoader, limits);
	}

	static List<String> allowedPrefixes(Collection<String> trustedPackages) {
		List<String> prefixes = new ArrayList<>();
		for (String trusted : trustedPackages) {
			prefixes.add(trusted.endsWith(".") ? trusted : trusted + ".");
		}
		return prefixes;
	}

	@Override
	public byte[] serialize(@Nullable Object value) throws SerializationException {
		if (value == null) {
			return new byte[0];
		}
		try {
			return this.writer.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Could not write JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) throws SerializationException {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			// Jackson counts the length of a document only as it loads more of a stream, never of an array.
			this.limits.validateDocumentLength(bytes.length);
			return this.reader.readValue(bytes);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Could not read JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The type named at the top of a value written in this format.
	 * @param bytes the JSON of one value
	 * @return the type's name, or {@code null} for a natural JSON value or JSON that is not of this format
	 */
	@Nullable String rootTypeName(byte[] bytes) {
		try (JsonParser parser = this.mapper.createParser(bytes)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (first == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.PROPERTY_NAME
					&& TYPE_PROPERTY.equals(parser.currentName()) && parser.nextToken() == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Whether a type exists here.
	 * @param typeName the type's name as the JSON gives it
	 * @return whether this replica has the class
	 */
	boolean knows(String typeName) {
		return type(typeName) != null;
	}

	/**
	 * Whether this format reads values of a type.
	 * @param typeName the type's name as the JSON gives it, e.g. {@code com.example.Cart} or
	 * {@code [Lcom.example.Cart;}
	 * @return whether the type exists here and is trusted
	 */
	boolean trusts(String typeName) {
		JavaType type = type(typeName);
		if (type == null) {
			return false;
		}
		// Name and class matchers of a BasicPolymorphicTypeValidator do not use the context; one is passed anyway.
		DatabindContext context = this.mapper._deserializationContext();
		JavaType objectType = this.mapper.constructType(Object.class);
		return this.validator.validateSubClassName(context, objectType, type.getRawClass().getName()) == Validity.ALLOWED
				|| this.validator.validateSubType(context, objectType, type) == Validity.ALLOWED;
	}

	private @Nullable JavaType type(String typeName) {
		try {
			return this.mapper.getTypeFactory().constructFromCanonical(typeName);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
