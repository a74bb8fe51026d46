package dev.scaleout.session;

import java.time.Duration;
import java.util.UUID;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScriptedRedisSessionRepository} finds sessions by principal name on a plain Redis (no keyspace events, no
 * {@code CONFIG}): the save script keeps the index, and a lookup prunes it.
 */
class ScriptedRedisSessionRepositoryPrincipalIndexTests {

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "index-" + UUID.randomUUID();

	private RecordingConnection connection;

	private ScriptedRedisSessionRepository repository;

	@BeforeEach
	void connect() {
		this.connection = RecordingConnection.to(this.redis);
		this.repository = this.connection.repository();
		this.repository.setRedisKeyNamespace(this.namespace);
	}

	@AfterEach
	void disconnect() {
		this.connection.close();
	}

	@Test
	void sessionsAreFoundByTheNameOfTheUserLoggedInToThem() {
		String first = loggedIn("alice");
		String second = loggedIn("alice");
		loggedIn("bob");
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys(first, second);
		assertThat(this.repository.findByPrincipalName("carol")).isEmpty();
	}

	@Test
	void thePrincipalNameAttributeIndexesASessionToo() {
		RedisSession session = this.repository.createSession();
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "alice");
		this.repository.save(session);
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys(session.getId());
	}

	@Test
	void aLoginOnAnExistingSessionAddsItAndItsNewIdReplacesItsOldOne() {
		RedisSession anonymous = this.repository.createSession();
		this.repository.save(anonymous);
		RedisSession loggingIn = this.repository.findById(anonymous.getId());
		String newId = loggingIn.changeSessionId();
		loggingIn.setAttribute(SECURITY_CONTEXT, login("alice"));
		this.repository.save(loggingIn);
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys(newId);
		RedisSession again = this.repository.findById(newId);
		String newerId = again.changeSessionId();
		this.repository.save(again);
		assertThat(this.redis.command("SMEMBERS", index("alice"))).isEqualTo(newerId);
	}

	@Test
	void aSessionWhosePrincipalChangedLeavesTheOldPrincipalsIndex() {
		String id = loggedIn("alice");
		RedisSession session = this.repository.findById(id);
		session.setAttribute(SECURITY_CONTEXT, login("bob"));
		this.repository.save(session);
		assertThat(this.redis.command("SMEMBERS", index("alice"))).isEmpty();
		assertThat(this.repository.findByPrincipalName("bob")).containsOnlyKeys(id);
		RedisSession loggedOut = this.repository.findById(id);
		loggedOut.removeAttribute(SECURITY_CONTEXT);
		this.repository.save(loggedOut);
		assertThat(this.redis.command("SMEMBERS", index("bob"))).isEmpty();
	}

	@Test
	void aLookupRemovesTheSessionsThatEndedFromTheIndex() {
		String loggedOut = loggedIn("alice");
		String active = loggedIn("alice");
		this.repository.deleteById(loggedOut);
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys(active);
		assertThat(this.redis.command("SMEMBERS", index("alice"))).isEqualTo(active);
	}

	@Test
	void theIndexLivesAsLongAsTheLongestLivingSessionOfItsPrincipal() {
		String shortLived = loggedIn("alice", Duration.ofMinutes(5));
		String longLived = loggedIn("alice", Duration.ofMinutes(60));
		loggedIn("alice", Duration.ofMinutes(10));
		assertThat(expiry(index("alice"))).isEqualTo(expiry(this.namespace + ":sessions:" + longLived))
			.isGreaterThan(expiry(this.namespace + ":sessions:" + shortLived));
	}

	@Test
	void requestsOfALoggedInSessionCostNoExtraRoundTrip() {
		String id = loggedIn("alice");
		this.connection.forget();
		RedisSession session = this.repository.findById(id);
		session.setAttribute("cart", 3);
		this.repository.save(session);
		assertThat(this.connection.commands()).containsExactly("HGETALL", "EVALSHA");
	}

	@Test
	void aSessionLoadedTwiceInOneRequestIsReadFromRedisOnce() {
		String id = loggedIn("alice");
		this.connection.forget();
		try (SessionRequest request = SessionRequest.open(false)) {
			RedisSession forTheRequest = this.repository.findById(id);
			RedisSession forConcurrentSessionControl = this.repository.findById(id);
			assertThat(forConcurrentSessionControl.getId()).isEqualTo(forTheRequest.getId());
			assertThat(forConcurrentSessionControl.<Object>getAttribute(SECURITY_CONTEXT)).isNotNull();
		}
		assertThat(this.connection.commands()).containsExactly("HGETALL");
	}

	@Test
	void theReactiveRepositoryFindsTheSameSessionsAndPrunesTheIndexAlike() {
		ScriptedReactiveRedisSessionRepository reactive = ScriptedReactiveRedisSessionRepository
			.on(this.connection.factory(), RecordingConnection.serializer());
		reactive.setRedisKeyNamespace(this.namespace);
		String onAServletReplica = loggedIn("alice");
		RedisSession onAWebFluxReplica = reactive.createSession().block();
		onAWebFluxReplica.setAttribute(SECURITY_CONTEXT, login("alice"));
		reactive.save(onAWebFluxReplica).block();
		String loggedOut = loggedIn("alice");
		loggedIn("bob");
		this.repository.deleteById(loggedOut);

		assertThat(reactive.findByPrincipalName("alice").block()).containsOnlyKeys(onAServletReplica,
				onAWebFluxReplica.getId());
		assertThat(this.redis.command("SMEMBERS", index("alice")).lines()).as("the ended session left the index")
			.containsExactlyInAnyOrder(onAServletReplica, onAWebFluxReplica.getId());
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys(onAServletReplica,
				onAWebFluxReplica.getId());
		assertThat(reactive.findByPrincipalName("carol").block()).isEmpty();
		assertThat(reactive.findByIndexNameAndIndexValue("color", "alice").block()).isEmpty();
	}

	@Test
	void otherIndexesFindNothing() {
		loggedIn("alice");
		assertThat(this.repository.findByIndexNameAndIndexValue("color", "alice")).isEmpty();
	}

	private String loggedIn(String user) {
		return loggedIn(user, Duration.ofMinutes(30));
	}

	private String loggedIn(String user, Duration timeout) {
		RedisSession session = this.repository.createSession();
		session.setMaxInactiveInterval(timeout);
		session.setAttribute(SECURITY_CONTEXT, login(user));
		this.repository.save(session);
		return session.getId();
	}

	private String index(String user) {
		return this.namespace + ":index:" + user;
	}

	private long expiry(String key) {
		return Long.parseLong(this.redis.command("PEXPIRETIME", key));
	}

	private static SecurityContextImpl login(String user) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

}
