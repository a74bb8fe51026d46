package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

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

}
