package dev.scaleout.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.ClassUtils;

/**
 * The JSON form of session attributes: Jackson with default typing restricted to trusted packages, plus Spring
 * Security's modules when Spring Security is present, so that a login is readable on every replica.
 */
final class SessionJson {

	/**
	 * Value and collection types of the JDK that applications commonly keep in a session.
	 */
	static final List<String> JDK_PACKAGES = List.of("java.lang.", "java.util.", "java.time.", "java.math.",
			"java.net.URI", "java.net.URL");

	private static final String SECURITY_MODULES = "org.springframework.security.jackson.SecurityJacksonModules";

	private SessionJson() {
	}

	static RedisSerializer<Object> serializer(ClassLoader classLoader, Collection<String> trustedPackages) {
		BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
		for (String prefix : allowedPrefixes(trustedPackages)) {
			validator.allowIfSubType(prefix);
		}
		JsonMapper.Builder mapper = JsonMapper.builder();
		if (ClassUtils.isPresent(SECURITY_MODULES, classLoader)) {
			SecurityModules.add(mapper, classLoader, validator);
		}
		else {
			mapper.activateDefaultTyping(validator.build(), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
		}
		return new GenericJacksonJsonRedisSerializer(mapper.build());
	}

	static List<String> allowedPrefixes(Collection<String> trustedPackages) {
		List<String> prefixes = new ArrayList<>(JDK_PACKAGES);
		for (String trusted : trustedPackages) {
			prefixes.add(trusted.endsWith(".") ? trusted : trusted + ".");
		}
		return prefixes;
	}

	/**
	 * Kept apart so that Spring Security's classes are loaded only when they are present.
	 */
	private static final class SecurityModules {

		static void add(JsonMapper.Builder mapper, ClassLoader classLoader,
				BasicPolymorphicTypeValidator.Builder validator) {
			// Spring Security adds its own types to the validator and switches default typing on with it.
			mapper.addModules(SecurityJacksonModules.getModules(classLoader, validator));
		}

	}

}
