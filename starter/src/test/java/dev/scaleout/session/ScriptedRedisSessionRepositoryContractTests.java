package dev.scaleout.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Spring Session's contract for {@code RedisSessionRepository}, held by {@link ScriptedRedisSessionRepository}: the
 * scenarios of Spring Session's own {@code RedisSessionRepositoryITests} (4.0), run against both repositories on a
 * real Redis, so that each scenario is shown to describe Spring Session's behaviour and not our reading of it.
 * The argument checks are compared with Spring Session's messages.
 */
class ScriptedRedisSessionRepositoryContractTests {

	private static final TestRedis redis = TestRedis.shared();

	static LettuceConnectionFactory connectionFactory;

	static RedisSerializer<Object> serializer;

	@BeforeAll
	static void connect() {
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		serializer = new TolerantSessionSerializer(
				SessionJson.serializer(ScriptedRedisSessionRepositoryContractTests.class.getClassLoader(), List.of()), List.of());
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	static Stream<Named<SessionRepository<Session>>> repositories() {
		return Stream.of(Named.of("Spring Session's RedisSessionRepository", anySession(springSessions())),
				Named.of("ScriptedRedisSessionRepository", anySession(scripted())));
	}

	@SuppressWarnings("unchecked")
	private static SessionRepository<Session> anySession(SessionRepository<? extends Session> repository) {
		// Each repository is only given back the sessions it created.
		return (SessionRepository<Session>) repository;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aNewSessionIsSavedWithTheDefaultTimeout(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		assertThat(session.getMaxInactiveInterval())
			.isEqualTo(Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS));
		assertThat(session.getAttributeNames()).isEqualTo(Collections.singleton("attribute1"));
		assertThat(session.<String>getAttribute("attribute1")).isEqualTo("value1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aSessionLastAccessedLongAgoExpiresOnSave(SessionRepository<Session> repository) {
		assertThat(createAndSaveSession(repository, Instant.EPOCH)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void savingAnUnchangedSessionThatWasDeletedFails(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		repository.deleteById(session.getId());
		assertThatIllegalStateException().isThrownBy(() -> repository.save(session))
			.withMessage("Session was invalidated");
		assertThat(repository.findById(session.getId())).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void savingAChangedSessionThatWasDeletedFailsAndDoesNotBringItBack(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		repository.deleteById(session.getId());
		session.setAttribute("attribute2", "value2");
		assertThatIllegalStateException().isThrownBy(() -> repository.save(session))
			.withMessage("Session was invalidated");
		assertThat(repository.findById(session.getId())).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void concurrentUpdatesOfDifferentAttributesAreBothKept(SessionRepository<Session> repository) {
		Session copy1 = createAndSaveSession(repository, Instant.now());
		String sessionId = copy1.getId();
		Session copy2 = repository.findById(sessionId);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		updateSession(copy1, now.plusSeconds(1L), "attribute2", "value2");
		repository.save(copy1);
		updateSession(copy2, now.plusSeconds(2L), "attribute3", "value3");
		repository.save(copy2);
		Session session = repository.findById(sessionId);
		assertThat(session.getLastAccessedTime()).isEqualTo(now.plusSeconds(2L));
		assertThat(session.getAttributeNames()).hasSize(3);
		assertThat(session.<String>getAttribute("attribute1")).isEqualTo("value1");
		assertThat(session.<String>getAttribute("attribute2")).isEqualTo("value2");
		assertThat(session.<String>getAttribute("attribute3")).isEqualTo("value3");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aChangedIdAndAttributeAreSavedTogether(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		String originalSessionId = session.getId();
		updateSession(session, Instant.now(), "attribute1", "value2");
		String newSessionId = session.changeSessionId();
		repository.save(session);
		Session loaded = repository.findById(newSessionId);
		assertThat(loaded).isNotNull();
		assertThat(loaded.getAttributeNames()).hasSize(1);
		assertThat(loaded.<String>getAttribute("attribute1")).isEqualTo("value2");
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void onlyAChangedIdIsSaved(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		String originalSessionId = session.getId();
		String newSessionId = session.changeSessionId();
		repository.save(session);
		assertThat(repository.findById(newSessionId)).isNotNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void anIdChangedTwiceBeforeASaveEndsUnderTheLastId(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		String originalSessionId = session.getId();
		updateSession(session, Instant.now(), "attribute1", "value2");
		String newSessionId1 = session.changeSessionId();
		updateSession(session, Instant.now(), "attribute1", "value3");
		String newSessionId2 = session.changeSessionId();
		repository.save(session);
		assertThat(repository.findById(newSessionId1)).isNull();
		assertThat(repository.findById(newSessionId2)).isNotNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aNewSessionWhoseIdChangedIsSavedUnderItsNewId(SessionRepository<Session> repository) {
		Session session = repository.createSession();
		String originalSessionId = session.getId();
		updateSession(session, Instant.now(), "attribute1", "value1");
		String newSessionId = session.changeSessionId();
		repository.save(session);
		assertThat(repository.findById(newSessionId)).isNotNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aChangedIdSavedTwiceStaysUnderTheNewId(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		String originalSessionId = session.getId();
		updateSession(session, Instant.now(), "attribute1", "value1");
		String newSessionId = session.changeSessionId();
		repository.save(session);
		repository.save(session);
		assertThat(repository.findById(newSessionId)).isNotNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void changingTheIdOfADeletedSessionFails(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		String originalSessionId = session.getId();
		repository.deleteById(originalSessionId);
		updateSession(session, Instant.now(), "attribute1", "value1");
		String newSessionId = session.changeSessionId();
		assertThatIllegalStateException().isThrownBy(() -> repository.save(session))
			.withMessage("Session was invalidated");
		assertThat(repository.findById(newSessionId)).isNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void changingAnIdThatAnotherRequestChangedFails(SessionRepository<Session> repository) {
		Session copy1 = createAndSaveSession(repository, Instant.now());
		String originalSessionId = copy1.getId();
		Session copy2 = repository.findById(originalSessionId);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		updateSession(copy1, now.plusSeconds(1L), "attribute2", "value2");
		String newSessionId1 = copy1.changeSessionId();
		repository.save(copy1);
		updateSession(copy2, now.plusSeconds(2L), "attribute3", "value3");
		String newSessionId2 = copy2.changeSessionId();
		assertThatIllegalStateException().isThrownBy(() -> repository.save(copy2))
			.withMessage("Session was invalidated");
		assertThat(repository.findById(newSessionId1)).isNotNull();
		assertThat(repository.findById(newSessionId2)).isNull();
		assertThat(repository.findById(originalSessionId)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void deletingASessionTwiceOrAnUnknownSessionDoesNothing(SessionRepository<Session> repository) {
		Session session = createAndSaveSession(repository, Instant.now());
		repository.deleteById(session.getId());
		assertThat(repository.findById(session.getId())).isNull();
		repository.deleteById(session.getId());
		assertThat(repository.findById(session.getId())).isNull();
		String unknown = UUID.randomUUID().toString();
		repository.deleteById(unknown);
		assertThat(repository.findById(unknown)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("repositories")
	void aSessionOfFiveThousandAttributesIsSavedAndChanged(SessionRepository<Session> repository) {
		Session session = repository.createSession();
		for (int i = 0; i < 5000; i++) {
			session.setAttribute("attribute" + i, "value" + i);
		}
		repository.save(session);
		Session loaded = repository.findById(session.getId());
		assertThat(loaded.getAttributeNames()).hasSize(5000);
		for (int i = 0; i < 5000; i += 2) {
			loaded.removeAttribute("attribute" + i);
		}
		repository.save(loaded);
		Session reloaded = repository.findById(session.getId());
		assertThat(reloaded.getAttributeNames()).hasSize(2500);
		assertThat(reloaded.<String>getAttribute("attribute4999")).isEqualTo("value4999");
	}

	@Test
	void invalidSettingsAreRejectedAsSpringSessionRejectsThem() {
		RedisSessionRepository theirs = springSessions();
		ScriptedRedisSessionRepository ours = scripted();
		assertSameRejection(() -> theirs.setRedisKeyNamespace(null), () -> ours.setRedisKeyNamespace(null));
		assertSameRejection(() -> theirs.setRedisKeyNamespace(" "), () -> ours.setRedisKeyNamespace(" "));
		assertSameRejection(() -> theirs.setDefaultMaxInactiveInterval(null),
				() -> ours.setDefaultMaxInactiveInterval(null));
		assertSameRejection(() -> theirs.setFlushMode(null), () -> ours.setFlushMode(null));
		assertSameRejection(() -> theirs.setSaveMode(null), () -> ours.setSaveMode(null));
		assertSameRejection(() -> theirs.setSessionIdGenerator(null), () -> ours.setSessionIdGenerator(null));
	}

	@Test
	void missingConstructorArgumentsAreRejectedByName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScriptedRedisSessionRepository(null, serializer, new TolerantSessionMapper(new SessionTypeRefusals(List.of()))))
			.withMessage("redis must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ScriptedRedisSessionRepository.on(null, serializer))
			.withMessage("connectionFactory must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScriptedRedisSessionRepository.on(connectionFactory, null))
			.withMessage("serializer must not be null");
	}

	private static void assertSameRejection(Executable theirs, Executable ours) {
		IllegalArgumentException expected = catchThrowableOfType(IllegalArgumentException.class, theirs::execute);
		assertThat(expected).as("Spring Session's rejection").isNotNull();
		assertThatIllegalArgumentException().isThrownBy(ours::execute).withMessage(expected.getMessage());
	}

	private static Session createAndSaveSession(SessionRepository<Session> repository, Instant lastAccessedTime) {
		Session session = repository.createSession();
		session.setLastAccessedTime(lastAccessedTime);
		session.setAttribute("attribute1", "value1");
		repository.save(session);
		return repository.findById(session.getId());
	}

	private static void updateSession(Session session, Instant lastAccessedTime, String attributeName,
			Object attributeValue) {
		session.setLastAccessedTime(lastAccessedTime);
		session.setAttribute(attributeName, attributeValue);
	}

	private static RedisSessionRepository springSessions() {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		template.setDefaultSerializer(serializer);
		template.setConnectionFactory(connectionFactory);
		template.afterPropertiesSet();
		RedisSessionRepository repository = new RedisSessionRepository(template);
		repository.setRedisKeyNamespace("contract-" + UUID.randomUUID());
		return repository;
	}

	private static ScriptedRedisSessionRepository scripted() {
		ScriptedRedisSessionRepository repository = ScriptedRedisSessionRepository.on(connectionFactory, serializer);
		repository.setRedisKeyNamespace("contract-" + UUID.randomUUID());
		return repository;
	}

}
