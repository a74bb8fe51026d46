package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionJsonTests {

	private final RedisSerializer<Object> serializer = SessionJson.serializer(getClass().getClassLoader(),
			List.of());

	@Test
	void securityContextSurvivesTheRoundTripSoALoginMovesBetweenReplicas() {
		User user = new User("demo", "", AuthorityUtils.createAuthorityList("ROLE_USER"));
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		byte[] json = this.serializer.serialize(context);
		assertThat(json[0]).isEqualTo((byte) '{');
		SecurityContext read = (SecurityContext) this.serializer.deserialize(json);
		assertThat(read.getAuthentication().getName()).isEqualTo("demo");
		assertThat(read.getAuthentication().isAuthenticated()).isTrue();
		assertThat(read.getAuthentication().getAuthorities()).extracting("authority").containsExactly("ROLE_USER");
	}

	@Test
	void plainValuesStayPlainJson() {
		assertThat(new String(this.serializer.serialize(42), StandardCharsets.UTF_8)).isEqualTo("42");
		assertThat(this.serializer.deserialize("42".getBytes(StandardCharsets.UTF_8))).isEqualTo(42);
	}

	@Test
	void refusesToInstantiateUntrustedTypes() {
		byte[] gadget = "[\"java.lang.ProcessBuilder\",{}]".getBytes(StandardCharsets.UTF_8);
		byte[] foreign = "[\"com.example.Evil\",{}]".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.serializer.deserialize(foreign));
		assertThat(SessionJson.allowedPrefixes(List.of("com.example.cart"))).contains("com.example.cart.")
			.doesNotContain("com.example.");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.serializer.deserialize(gadget));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"123456789012345678901"                           | getMaxStringLength
			{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}             | getMaxNestingDepth
			123456                                            | getMaxNumberLength
			["java.util.ArrayList",[1,2,3,4,5,6,7,8,9]]     | getMaxTokenCount
			"12345","12345","12345","12345","12345","12345"   | getMaxDocumentLength
			""")
	void refusesJsonBeyondEachLimit(String json, String limit) {
		RedisSerializer<Object> small = SessionJson.serializer(getClass().getClassLoader(), List.of(),
				new RedisSessionProperties.JsonLimits(DataSize.ofBytes(45), 20, 5, 5, 12).toConstraints());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> small.deserialize(json.getBytes(StandardCharsets.UTF_8)))
			.havingRootCause()
			.isInstanceOf(StreamConstraintsException.class)
			.withMessageContaining(limit);
	}

	@Test
	void refusesAnUntrustedFinalTypeNamedAtTheTop() {
		byte[] finalType = ("{\"@class\":\"" + FinalType.class.getName() + "\",\"command\":\"x\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.serializer.deserialize(finalType))
			.withMessageContaining("denied resolution");
	}

	@Test
	void finalTypesCarryTheirTypeSoTheyComeBackAsThemselves() {
		assertThat(json(Locale.CANADA_FRENCH)).isEqualTo("[\"java.util.Locale\",\"fr-CA\"]");
		assertThat(json(5L)).isEqualTo("[\"java.lang.Long\",5]");
		assertThat(this.serializer.deserialize(this.serializer.serialize(Locale.CANADA_FRENCH)))
			.isEqualTo(Locale.CANADA_FRENCH);
		assertThat(this.serializer.deserialize(this.serializer.serialize(5L))).isEqualTo(5L);
		assertThat(this.serializer.deserialize(this.serializer.serialize(UUID.fromString(UUID_TEXT))))
			.isEqualTo(UUID.fromString(UUID_TEXT));
	}

	@Test
	void withoutSpringSecurityEveryValueStillCarriesItsType() {
		RedisSerializer<Object> plain = SessionJson.serializer(new FilteredClassLoader(SecurityJacksonModules.class),
				List.of());
		assertThat(new String(plain.serialize(Locale.CANADA_FRENCH), StandardCharsets.UTF_8))
			.isEqualTo("[\"java.util.Locale\",\"fr-CA\"]");
		assertThat(plain.deserialize(plain.serialize(5L))).isEqualTo(5L);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> plain.deserialize(this.serializer.serialize(new SecurityContextImpl())));
	}

	@Test
	void naturalJsonValuesStayBare() {
		assertThat(json("text")).isEqualTo("\"text\"");
		assertThat(json(true)).isEqualTo("true");
		assertThat(json(4.5d)).isEqualTo("4.5");
	}

	@Test
	void flashMapRoundTripsWithItsTargetRequestAndExpiry() {
		FlashMap flash = new FlashMap();
		flash.put("message", "saved");
		flash.put("when", LocalDate.of(2026, 1, 2));
		flash.setTargetRequestPath("/orders/42");
		flash.addTargetRequestParam("tab", "items");
		flash.setExpirationTime(1767225600000L);
		assertThat(json(flash)).isEqualTo("{\"@class\":\"org.springframework.web.servlet.FlashMap\","
				+ "\"attributes\":{\"message\":\"saved\",\"when\":[\"java.time.LocalDate\",[2026,1,2]]},"
				+ "\"targetRequestPath\":\"/orders/42\",\"targetRequestParams\":{\"tab\":[\"items\"]},"
				+ "\"expirationTime\":1767225600000}");
		FlashMap read = (FlashMap) this.serializer.deserialize(this.serializer.serialize(flash));
		assertThat((Object) read).isEqualTo(flash); // FlashMap's equals compares its target request too
		assertThat(read.getExpirationTime()).isEqualTo(1767225600000L);
	}

	@ParameterizedTest
	@FieldSource("dev.scaleout.session.SecuritySessionJson#AUTHENTICATION_EXCEPTIONS")
	void everyAuthenticationExceptionOfAFailedLoginReadsBackWithItsMessage(String type) throws Exception {
		Object exception = Class.forName(type).getConstructor(String.class).newInstance("Login failed");
		Object read = this.serializer.deserialize(this.serializer.serialize(exception));
		assertThat(read).isExactlyInstanceOf(exception.getClass())
			.extracting((value) -> ((Throwable) value).getMessage())
			.isEqualTo("Login failed");
	}

	private String json(Object value) {
		return new String(this.serializer.serialize(value), StandardCharsets.UTF_8);
	}

	private static final String UUID_TEXT = "6f1c1b1e-3a59-4d6a-9d3c-2f1e7f1b2c3d";

	/**
	 * A final type of a package the format does not trust, with a property Jackson could set.
	 */
	public static final class FinalType {

		public String command;

	}

}
