package dev.scaleout.session;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Calendar;
import java.util.Collection;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SimpleTimeZone;
import java.util.TimeZone;
import java.util.UUID;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator.TypeMatcher;

/**
 * The JDK types a session may hold: values and collections, and nothing that does I/O, starts a thread or loads a
 * class when it is made or read. So not whole packages: {@code java.lang} holds {@code Class}, {@code Thread},
 * {@code ProcessBuilder} and {@code ClassLoader}, {@code java.util} holds {@code ServiceLoader}, {@code Timer}, the
 * executors and the logging API, and {@code java.net.URL} resolves its host when hashed (the URLDNS gadget).
 */
final class JdkSessionTypes implements TypeMatcher {

	/**
	 * Packages whose every type is a value: none has a constructor or factory that touches the outside world.
	 */
	static final Set<String> VALUE_PACKAGES = Set.of("java.time", "java.time.chrono", "java.time.temporal",
			"java.time.format", "java.time.zone");

	/**
	 * The packages whose collections and maps are trusted; other types of these packages are not.
	 */
	static final Set<String> COLLECTION_PACKAGES = Set.of("java.util", "java.util.concurrent");

	/**
	 * Value types named one by one, with their JDK subclasses that Jackson names in the JSON.
	 */
	static final Set<Class<?>> VALUES = Set.of(Object.class, String.class, Boolean.class, Character.class,
			Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class,
			BigDecimal.class, URI.class, UUID.class, Locale.class, Currency.class, Date.class, Calendar.class,
			GregorianCalendar.class, TimeZone.class, SimpleTimeZone.class, Optional.class, OptionalInt.class,
			OptionalLong.class, OptionalDouble.class);

	@Override
	public boolean match(DatabindContext context, Class<?> type) {
		if (VALUES.contains(type)) {
			return true;
		}
		String packageName = type.getPackageName();
		if (VALUE_PACKAGES.contains(packageName)) {
			return true;
		}
		return COLLECTION_PACKAGES.contains(packageName)
				&& (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
	}

}
