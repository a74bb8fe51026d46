package dev.scaleout.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Replicas running Spring Session's {@link RedisSessionRepository} and replicas running
 * {@link ScriptedRedisSessionRepository} share sessions, as the latter's Javadoc promises: each reads what the
 * other wrote, changes it, renames it and sees it deleted.
 */
class ScriptedRedisSessionRepositoryInteropTests {

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "interop-" + UUID.randomUUID();

	private LettuceConnectionFactory connectionFactory;

	private SessionRepository<Session> theirs;

	private ScriptedRedisSessionRepository ours;

	@BeforeEach
	void connect() {
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.redis.host(), this.redis.port()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		RedisSerializer<Object> serializer = new TolerantSessionSerializer(
				SessionJson.serializer(getClass().getClassLoader(), List.of()), List.of());
		this.theirs = theirs(this.connectionFactory, serializer, this.namespace);
		this.ours = ScriptedRedisSessionRepository.on(this.connectionFactory, serializer);
		this.ours.setRedisKeyNamespace(this.namespace);
	}

	/**
	 * Spring Session's repository that shares sessions with ours, configured as Spring Boot configures it.
	 */
	SessionRepository<Session> theirs(LettuceConnectionFactory connectionFactory, RedisSerializer<Object> serializer,
			String namespace) {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		template.setDefaultSerializer(serializer);
		template.setConnectionFactory(connectionFactory);
		template.afterPropertiesSet();
		RedisSessionRepository springSessions = new RedisSessionRepository(template);
		springSessions.setRedisKeyNamespace(namespace);
		return anySession(springSessions);
	}

	@AfterEach
	void disconnect() {
		this.connectionFactory.destroy();
	}

	@Test
	void aSessionWrittenBySpringSessionIsReadAndChangedByOurs() {
		Session written = this.theirs.createSession();
		written.setMaxInactiveInterval(Duration.ofMinutes(45));
		written.setAttribute("cart", new HashMap<>(Map.of("apples", 3)));
		written.setAttribute("SPRING_SECURITY_CONTEXT", login("demo"));
		this.theirs.save(written);

		RedisSession read = this.ours.findById(written.getId());
		assertThat(read).isNotNull();
		assertThat(read.getCreationTime()).isEqualTo(written.getCreationTime().truncatedTo(ChronoUnit.MILLIS));
		assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(45));
		assertThat(read.<Map<String, Integer>>getAttribute("cart")).containsEntry("apples", 3);
		assertThat(read.<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication().getName())
			.isEqualTo("demo");

		read.setAttribute("cart", new HashMap<>(Map.of("apples", 4)));
		read.removeAttribute("SPRING_SECURITY_CONTEXT");
		this.ours.save(read);
		Session reread = this.theirs.findById(written.getId());
		assertThat(reread.<Map<String, Integer>>getAttribute("cart")).containsEntry("apples", 4);
		assertThat(reread.getAttributeNames()).containsExactly("cart");
	}

	@Test
	void aSessionWrittenByOursIsReadAndChangedBySpringSession() {
		RedisSession written = this.ours.createSession();
		written.setAttribute("locale", "fr");
		written.setAttribute("SPRING_SECURITY_CONTEXT", login("demo"));
		this.ours.save(written);

		Session read = this.theirs.findById(written.getId());
		assertThat(read).isNotNull();
		assertThat(read.<String>getAttribute("locale")).isEqualTo("fr");
		assertThat(read.<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication().getName())
			.isEqualTo("demo");
		assertThat(read.getLastAccessedTime()).isEqualTo(written.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS));

		Instant later = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
		read.setLastAccessedTime(later);
		read.setAttribute("locale", "de");
		this.theirs.save(read);
		RedisSession reread = this.ours.findById(written.getId());
		assertThat(reread.<String>getAttribute("locale")).isEqualTo("de");
		assertThat(reread.getLastAccessedTime()).isEqualTo(later);
	}

	@Test
	void anIdChangedByOneIsFoundByTheOther() {
		Session written = this.theirs.createSession();
		written.setAttribute("step", 1);
		this.theirs.save(written);
		RedisSession ourCopy = this.ours.findById(written.getId());
		String ourNewId = ourCopy.changeSessionId();
		this.ours.save(ourCopy);
		assertThat(this.theirs.findById(written.getId())).isNull();
		Session theirCopy = this.theirs.findById(ourNewId);
		assertThat(theirCopy.<Integer>getAttribute("step")).isEqualTo(1);
		String theirNewId = theirCopy.changeSessionId();
		this.theirs.save(theirCopy);
		assertThat(this.ours.findById(ourNewId)).isNull();
		assertThat(this.ours.findById(theirNewId).<Integer>getAttribute("step")).isEqualTo(1);
	}

	@Test
	void aSessionDeletedByOneCannotBeSavedByTheOther() {
		RedisSession ourCopy = this.ours.createSession();
		ourCopy.setAttribute("step", 1);
		this.ours.save(ourCopy);
		RedisSession loaded = this.ours.findById(ourCopy.getId());
		this.theirs.deleteById(ourCopy.getId());
		loaded.setAttribute("step", 2);
		assertThatIllegalStateException().isThrownBy(() -> this.ours.save(loaded))
			.withMessage("Session was invalidated");

		Session theirCopy = this.theirs.createSession();
		this.theirs.save(theirCopy);
		Session theirLoaded = this.theirs.findById(theirCopy.getId());
		this.ours.deleteById(theirCopy.getId());
		assertThatIllegalStateException().isThrownBy(() -> this.theirs.save(theirLoaded))
			.withMessage("Session was invalidated");
	}

	@SuppressWarnings("unchecked")
	static SessionRepository<Session> anySession(SessionRepository<? extends Session> repository) {
		// Its sessions' type is not public; it is only given back the sessions it created.
		return (SessionRepository<Session>) repository;
	}

	private static SecurityContext login(String user) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

}
