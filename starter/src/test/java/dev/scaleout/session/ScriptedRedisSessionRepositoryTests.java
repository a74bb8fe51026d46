package dev.scaleout.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.session.FlushMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link ScriptedRedisSessionRepository} against a real Redis server: Spring Session's keys and fields, two
 * round trips per request, no resurrection of an invalidated session, and no failed request when a concurrent
 * request removed its session.
 */
class ScriptedRedisSessionRepositoryTests {

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "test-" + UUID.randomUUID();

	private RecordingConnection connection;

	private ScriptedRedisSessionRepository repository;

	@BeforeEach
	void connect() {
		this.connection = RecordingConnection.to(this.redis);
		this.repository = this.connection.repository();
		this.repository.setRedisKeyNamespace(this.namespace);
		this.repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
	}

	@AfterEach
	void disconnect() {
		this.connection.close();
	}

	@Test
	void writesSpringSessionsKeyFieldsAndExpiry() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 3);
		this.repository.save(session);
		String key = this.namespace + ":sessions:" + session.getId();
		assertThat(this.redis.command("HKEYS", key).lines()).containsExactlyInAnyOrder("creationTime",
				"lastAccessedTime", "maxInactiveInterval", "sessionAttr:count");
		assertThat(Long.parseLong(this.redis.command("PTTL", key))).isCloseTo(Duration.ofMinutes(30).toMillis(),
				within(10_000L));
		RedisSession found = this.repository.findById(session.getId());
		assertThat(found).isNotNull();
		assertThat(found.<Integer>getAttribute("count")).isEqualTo(3);
		assertThat(found.getCreationTime().toEpochMilli()).isEqualTo(session.getCreationTime().toEpochMilli());
	}

	@Test
	void aRequestOnAnExistingSessionTakesTwoRoundTrips() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		request(session.getId()); // the first save of a script may load it (EVALSHA, NOSCRIPT, EVAL)
		this.connection.forget();
		request(session.getId());
		assertThat(this.connection.commands()).containsExactly("HGETALL", "EVALSHA");
		assertThat(this.repository.findById(session.getId()).<Integer>getAttribute("count")).isEqualTo(3);
	}

	/**
	 * Spring Session's filter saves a request's session when the response commits and again when the request ends,
	 * and after each save looks the requested session up to decide on the cookie.
	 */
	@Test
	void theSecondSaveAndTheLookupsOfSpringSessionsFilterCostNoRoundTrip() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		request(session.getId()); // the first save of a script may load it (EVALSHA, NOSCRIPT, EVAL)
		this.connection.forget();
		try (SessionRequest request = SessionRequest.open(false)) {
			RedisSession changed = this.repository.findById(session.getId());
			changed.setLastAccessedTime(Instant.now());
			changed.setAttribute("count", changed.<Integer>getAttribute("count") + 1);
			for (int commit = 0; commit < 2; commit++) {
				this.repository.save(changed);
				RedisSession requested = this.repository.findById(session.getId());
				requested.setLastAccessedTime(Instant.now());
				assertThat(requested.<Integer>getAttribute("count")).isEqualTo(3);
			}
		}
		assertThat(this.connection.commands()).containsExactly("HGETALL", "EVALSHA");
		assertThat(this.repository.findById(session.getId()).<Integer>getAttribute("count")).isEqualTo(3);
	}

	@Test
	void aRequestThatOnlyReadsItsSessionWithinTheTouchIntervalTakesOneRoundTrip() {
		this.repository.setTouchInterval(Duration.ofSeconds(60));
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		String key = this.namespace + ":sessions:" + session.getId();
		String writtenAccess = this.redis.command("HGET", key, "lastAccessedTime");
		long expiry = Long.parseLong(this.redis.command("PEXPIRETIME", key));
		this.connection.forget();
		RedisSession read = this.repository.findById(session.getId());
		read.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(59));
		assertThat(read.<Integer>getAttribute("count")).isEqualTo(1);
		this.repository.save(read);
		assertThat(this.connection.commands()).containsExactly("HGETALL");
		assertThat(this.redis.command("HGET", key, "lastAccessedTime")).isEqualTo(writtenAccess);
		assertThat(Long.parseLong(this.redis.command("PEXPIRETIME", key))).isEqualTo(expiry);
	}

	@Test
	void anAccessAfterTheTouchIntervalIsWrittenAndPushesTheExpiry() {
		this.repository.setTouchInterval(Duration.ofSeconds(60));
		RedisSession session = this.repository.createSession();
		this.repository.save(session);
		String key = this.namespace + ":sessions:" + session.getId();
		long expiry = Long.parseLong(this.redis.command("PEXPIRETIME", key));
		RedisSession read = this.repository.findById(session.getId());
		Instant later = session.getLastAccessedTime().plusSeconds(60);
		read.setLastAccessedTime(later);
		this.connection.forget();
		this.repository.save(read);
		assertThat(this.connection.commands()).containsExactly("EVALSHA");
		assertThat(this.redis.command("HGET", key, "lastAccessedTime")).isEqualTo(Long.toString(later.toEpochMilli()));
		assertThat(Long.parseLong(this.redis.command("PEXPIRETIME", key))).isEqualTo(expiry + 60_000);
	}

	@Test
	void aRequestThatChangesItsSessionWritesItsAccessTooWithinTheTouchInterval() {
		this.repository.setTouchInterval(Duration.ofSeconds(60));
		RedisSession session = this.repository.createSession();
		this.repository.save(session);
		String key = this.namespace + ":sessions:" + session.getId();
		RedisSession read = this.repository.findById(session.getId());
		Instant soon = session.getLastAccessedTime().plusSeconds(5);
		read.setLastAccessedTime(soon);
		read.setAttribute("count", 1);
		this.repository.save(read);
		assertThat(this.redis.command("HGET", key, "lastAccessedTime")).isEqualTo(Long.toString(soon.toEpochMilli()));
		assertThat(this.repository.findById(session.getId()).<Integer>getAttribute("count")).isEqualTo(1);
	}

	@Test
	void aSessionWithAShortTimeoutIsTouchedAtLeastEveryTenthOfIt() {
		this.repository.setTouchInterval(Duration.ofSeconds(60));
		RedisSession session = this.repository.createSession();
		session.setMaxInactiveInterval(Duration.ofSeconds(100));
		this.repository.save(session);
		RedisSession read = this.repository.findById(session.getId());
		read.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(10));
		this.connection.forget();
		this.repository.save(read);
		assertThat(this.connection.commands()).containsExactly("EVALSHA");
	}

	@Test
	void savesOnlyWhatChangedAndKeepsTheRest() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("a", "first");
		session.setAttribute("b", "second");
		this.repository.save(session);
		RedisSession loaded = this.repository.findById(session.getId());
		loaded.setAttribute("b", "changed");
		loaded.removeAttribute("a");
		loaded.setAttribute("c", "new");
		this.repository.save(loaded);
		RedisSession reloaded = this.repository.findById(session.getId());
		assertThat(reloaded.getAttributeNames()).containsExactlyInAnyOrder("b", "c");
		assertThat(reloaded.<String>getAttribute("b")).isEqualTo("changed");
	}

	@Test
	void aSessionInvalidatedMeanwhileIsNotBroughtBackByASave() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		RedisSession loadedBeforeLogout = this.repository.findById(session.getId());
		this.repository.deleteById(session.getId());
		loadedBeforeLogout.setAttribute("count", 2);
		assertThatIllegalStateException().isThrownBy(() -> this.repository.save(loadedBeforeLogout))
			.withMessage("Session was invalidated");
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	@Test
	void aRequestWhoseSessionWasDeletedMeanwhileDropsItsChangesInsteadOfFailing() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		try (SessionRequest request = SessionRequest.open(false)) {
			RedisSession loadedBeforeLogout = this.repository.findById(session.getId());
			this.repository.deleteById(session.getId());
			loadedBeforeLogout.setAttribute("count", 2);
			this.repository.save(loadedBeforeLogout);
			this.repository.save(loadedBeforeLogout);
		}
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	@Test
	void aRequestThatLostALoginRaceKeepsItsOldIdSoThatTheWinnersCookieStands() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("user", "demo");
		this.repository.save(session);
		String oldId = session.getId();
		try (SessionRequest request = SessionRequest.open(false)) {
			RedisSession winner = this.repository.findById(oldId);
			RedisSession loser = this.repository.findById(oldId);
			String winnersId = winner.changeSessionId();
			this.repository.save(winner);
			loser.changeSessionId();
			loser.setAttribute("user", "other");
			this.repository.save(loser);
			assertThat(loser.getId()).isEqualTo(oldId);
			assertThat(this.repository.findById(winnersId).<String>getAttribute("user")).isEqualTo("demo");
		}
		assertThat(this.repository.findById(oldId)).isNull();
	}

	@Test
	void aNewIdMovesTheSessionToTheNewKey() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("user", "demo");
		this.repository.save(session);
		String oldId = session.getId();
		RedisSession loaded = this.repository.findById(oldId);
		String newId = loaded.changeSessionId();
		this.connection.forget();
		this.repository.save(loaded);
		assertThat(this.connection.commands()).as("the rename runs inside the save script").containsExactly("EVALSHA");
		assertThat(this.repository.findById(oldId)).isNull();
		assertThat(this.repository.findById(newId).<String>getAttribute("user")).isEqualTo("demo");
	}

	@Test
	void flushModeImmediateWritesOnEveryChange() {
		this.repository.setFlushMode(FlushMode.IMMEDIATE);
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 7);
		assertThat(this.repository.findById(session.getId()).<Integer>getAttribute("count")).isEqualTo(7);
	}

	@Test
	void aSessionPastItsMaxInactiveIntervalIsNotFound() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 1);
		this.repository.save(session);
		String key = this.namespace + ":sessions:" + session.getId();
		// written by another replica a minute ago with a 1 s timeout, its key not yet expired by Redis
		this.redis.command("HSET", key, "maxInactiveInterval", "1", "lastAccessedTime",
				Long.toString(Instant.now().minusSeconds(60).toEpochMilli()));
		assertThat(this.repository.findById(session.getId())).isNull();
		assertThat(this.redis.command("EXISTS", key)).isEqualTo("0");
	}

	private void request(String sessionId) {
		RedisSession session = this.repository.findById(sessionId);
		session.setLastAccessedTime(Instant.now());
		session.setAttribute("count", session.<Integer>getAttribute("count") + 1);
		this.repository.save(session);
	}

}
