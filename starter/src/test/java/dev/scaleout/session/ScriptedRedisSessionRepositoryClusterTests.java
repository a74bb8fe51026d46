package dev.scaleout.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.scaleout.test.redis.TestRedisCluster;
import io.lettuce.core.cluster.SlotHash;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link ScriptedRedisSessionRepository} on a real three-master Redis Cluster: Spring Session's keys, an id change
 * that moves a session to another slot (and another node), the lock and the principal index, without a
 * {@code CROSSSLOT} error, and still no resurrection of a session that a concurrent request ended or re-keyed.
 */
class ScriptedRedisSessionRepositoryClusterTests {

	private static final String NAMESPACE = "cluster:session";

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private static TestRedisCluster cluster;

	/**
	 * The ids the repository gives new sessions and changed ids, in order; each test takes them from the front.
	 */
	private final Deque<String> ids = new ArrayDeque<>(
			List.of("id-1", "id-2", "id-3", "id-4", "id-5", "id-6", "id-7", "id-8"));

	private final ExecutorService threads = Executors.newFixedThreadPool(8);


	private RecordingConnection connection;

	private RedisSerializer<Object> serializer;

	private ScriptedRedisSessionRepository repository;

	@BeforeAll
	static void startCluster() {
		cluster = TestRedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@BeforeEach
	void connect() {
		cluster.flushAll();
		this.connection = RecordingConnection.to(new RedisClusterConfiguration(
				cluster.ports().stream().map((port) -> cluster.host() + ":" + port).toList()));
		this.serializer = RecordingConnection.serializer();
		this.repository = ScriptedRedisSessionRepository.on(this.connection.factory(), this.serializer);
		this.repository.setRedisKeyNamespace(NAMESPACE);
		this.repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
		this.repository.setSessionIdGenerator(this.ids::removeFirst);
	}

	@AfterEach
	void disconnect() {
		this.threads.shutdownNow();
		this.connection.close();
	}

	@Test
	void theIdsOfTheseTestsAreInDifferentSlotsOnDifferentNodes() {
		assertThat(List.of(slot(key("id-1")), slot(key("id-2")), slot(key("id-3"))))
			.doesNotHaveDuplicates()
			.allMatch((slot) -> slot >= 0);
		assertThat(node(key("id-1"))).isNotEqualTo(node(key("id-2")));
	}

	@Test
	void savesAndLoadsASessionUnderSpringSessionsKey() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 3);
		this.repository.save(session);
		assertThat(command(key("id-1"), "HKEYS", key("id-1")).lines()).containsExactlyInAnyOrder("creationTime",
				"lastAccessedTime", "maxInactiveInterval", "sessionAttr:count");
		RedisSession found = this.repository.findById("id-1");
		assertThat(found).isNotNull();
		assertThat(found.<Integer>getAttribute("count")).isEqualTo(3);
		found.setAttribute("count", 4);
		this.repository.save(found);
		assertThat(this.repository.findById("id-1").<Integer>getAttribute("count")).isEqualTo(4);
		this.repository.deleteById("id-1");
		assertThat(this.repository.findById("id-1")).isNull();
	}

	@Test
	void anIdChangeMovesTheWholeSessionToItsNewKeyOnAnotherNode() {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", 3);
		session.setAttribute("color", "blue");
		this.repository.save(session);
		RedisSession found = this.repository.findById("id-1");
		assertThat(found.changeSessionId()).isEqualTo("id-2");
		found.setAttribute("count", 4);
		this.repository.save(found);
		assertThat(command(key("id-1"), "EXISTS", key("id-1"))).isEqualTo("0");
		assertThat(Long.parseLong(command(key("id-2"), "PTTL", key("id-2"))))
			.isCloseTo(Duration.ofMinutes(30).toMillis(), within(10_000L));
		RedisSession moved = this.repository.findById("id-2");
		assertThat(moved.<Integer>getAttribute("count")).isEqualTo(4);
		assertThat(moved.<String>getAttribute("color")).isEqualTo("blue");
		assertThat(this.repository.findById("id-1")).isNull();
	}

	@Test
	void anIdChangeOfASessionThatWasDeletedMeanwhileFailsAsSpringSessionsAndLeavesNoSession() {
		this.repository.save(this.repository.createSession());
		RedisSession found = this.repository.findById("id-1");
		this.repository.deleteById("id-1");
		found.changeSessionId();
		assertThatIllegalStateException().isThrownBy(() -> this.repository.save(found));
		assertThat(command(key("id-2"), "EXISTS", key("id-2"))).as("not resurrected").isEqualTo("0");
	}

	@Test
	void ofTwoIdChangesOfOneSessionTheSecondFailsAsSpringSessionsAndLeavesNoCopy() {
		this.repository.save(this.repository.createSession());
		RedisSession first = this.repository.findById("id-1");
		RedisSession second = this.repository.findById("id-1");
		first.changeSessionId();
		second.changeSessionId();
		this.repository.save(first);
		assertThatIllegalStateException().isThrownBy(() -> this.repository.save(second));
		assertThat(this.repository.findById("id-2")).isNotNull();
		assertThat(command(key("id-3"), "EXISTS", key("id-3"))).as("not resurrected").isEqualTo("0");
		assertThat(command(key("id-1"), "EXISTS", key("id-1"))).isEqualTo("0");
	}

	@Test
	void ofEightSimultaneousIdChangesOfOneSessionExactlyOneLivesEveryTime() {
		this.repository.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
		for (int round = 0; round < 20; round++) {
			RedisSession created = this.repository.createSession();
			this.repository.save(created);
			String id = created.getId();
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<String>> logins = IntStream.range(0, 8)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> changeIdWhenStarted(id, start), this.threads))
				.toList();
			start.countDown();
			List<String> newIds = logins.stream().map(CompletableFuture::join).toList();
			assertThat(newIds.stream().filter(Objects::nonNull)).as("saved").hasSize(1);
			assertThat(newIds.stream()
				.filter(Objects::nonNull)
				.filter((newId) -> "1".equals(command(key(newId), "EXISTS", key(newId))))).as("live").hasSize(1);
			assertThat(command(key(id), "EXISTS", key(id))).isEqualTo("0");
		}
	}

	@Test
	void theLockIsTakenByTheLoadAndReleasedByTheSaveAlsoWhenTheIdChanges() {
		RedisSession created = this.repository.createSession();
		created.setAttribute("count", 1);
		this.repository.save(created);
		this.repository.setLock(new SessionLock(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(2),
				null));
		String lock = new SessionKeys(NAMESPACE).lock("id-1");
		try (SessionRequest request = SessionRequest.open(true)) {
			RedisSession session = this.repository.findById("id-1");
			assertThat(command(lock, "EXISTS", lock)).isEqualTo("1");
			session.setAttribute("count", 2);
			this.repository.save(session);
			assertThat(command(lock, "EXISTS", lock)).isEqualTo("0");
		}
		try (SessionRequest request = SessionRequest.open(true)) {
			RedisSession session = this.repository.findById("id-1");
			session.changeSessionId();
			this.repository.save(session);
			assertThat(command(lock, "EXISTS", lock)).isEqualTo("0");
		}
		assertThat(this.repository.findById("id-2").<Integer>getAttribute("count")).isEqualTo(2);
	}

	@Test
	void concurrentWritingRequestsOfOneSessionLoseNoUpdateWithTheLock() {
		this.repository.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
		RedisSession created = this.repository.createSession();
		created.setAttribute("count", 0);
		this.repository.save(created);
		String id = created.getId();
		this.repository.setLock(new SessionLock(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2),
				null));
		List<CompletableFuture<Void>> clients = IntStream.range(0, 8)
			.mapToObj((i) -> CompletableFuture.runAsync(() -> {
				for (int round = 0; round < 10; round++) {
					increment(id);
				}
			}, this.threads))
			.toList();
		clients.forEach(CompletableFuture::join);
		assertThat(this.repository.findById(id).<Integer>getAttribute("count")).isEqualTo(80);
	}

	@Test
	void sessionsMoveBetweenSpringSessionsRepositoryAndOursAcrossAnIdChange() {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		template.setDefaultSerializer(this.serializer);
		template.setConnectionFactory(this.connection.factory());
		template.afterPropertiesSet();
		RedisSessionRepository springRepository = new RedisSessionRepository(template);
		springRepository.setRedisKeyNamespace(NAMESPACE);
		@SuppressWarnings("unchecked")
		SessionRepository<Session> springSessions = (SessionRepository<Session>) (SessionRepository<?>) springRepository;
		Session written = springSessions.createSession();
		written.setAttribute("color", "blue");
		springSessions.save(written);
		RedisSession ours = this.repository.findById(written.getId());
		assertThat(ours.<String>getAttribute("color")).isEqualTo("blue");
		String newId = ours.changeSessionId();
		ours.setAttribute("count", 1);
		this.repository.save(ours);
		Session read = springSessions.findById(newId);
		assertThat(read).isNotNull();
		assertThat(read.<String>getAttribute("color")).isEqualTo("blue");
		assertThat(read.<Integer>getAttribute("count")).isEqualTo(1);
		assertThat(springSessions.findById(written.getId())).isNull();
	}

	@Test
	void aReadingRequestCostsOneRoundTripAWritingOneTwoAndThatOfALoggedInUserThree() {
		this.repository.setTouchInterval(Duration.ofMinutes(1));
		this.repository.setLock(new SessionLock(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(2),
				null));
		RedisSession anonymous = this.repository.createSession();
		anonymous.setAttribute("count", 0);
		this.repository.save(anonymous);
		RedisSession loggedIn = this.repository.createSession();
		loggedIn.setAttribute(SECURITY_CONTEXT, login("alice"));
		loggedIn.setAttribute("count", 0);
		this.repository.save(loggedIn);
		for (int warmUp = 0; warmUp < 2; warmUp++) {
			// Each script is loaded on each node once (EVALSHA, NOSCRIPT, EVAL); counted from then on.
			request(anonymous.getId(), true);
			request(loggedIn.getId(), true);
		}
		assertThat(request(anonymous.getId(), false)).containsExactly("HGETALL");
		assertThat(request(anonymous.getId(), true)).containsExactly("EVALSHA", "EVALSHA");
		assertThat(request(loggedIn.getId(), false)).containsExactly("HGETALL");
		assertThat(request(loggedIn.getId(), true)).as("the principal's index kept alive as long as the session")
			.containsExactly("EVALSHA", "EVALSHA", "EVALSHA");
	}

	@Test
	void aLoginFindsTheSessionByItsUserUnderItsNewIdAndSignOutEverywhereEndsIt() {
		this.repository.save(this.repository.createSession());
		RedisSession loggingIn = this.repository.findById("id-1");
		loggingIn.changeSessionId();
		loggingIn.setAttribute(SECURITY_CONTEXT, login("alice"));
		this.repository.save(loggingIn);
		RedisSession secondDevice = this.repository.createSession();
		secondDevice.setAttribute(SECURITY_CONTEXT, login("alice"));
		this.repository.save(secondDevice);
		assertThat(this.repository.findByPrincipalName("alice")).containsOnlyKeys("id-2", "id-3");
		String index = NAMESPACE + ":index:alice";
		assertThat(Long.parseLong(command(index, "PTTL", index))).isCloseTo(Duration.ofMinutes(30).toMillis(),
				within(10_000L));
		this.repository.findByPrincipalName("alice").keySet().forEach(this.repository::deleteById);
		assertThat(this.repository.findByPrincipalName("alice")).isEmpty();
		assertThat(command(index, "EXISTS", index)).as("pruned by the lookup").isEqualTo("0");
	}

	/**
	 * Loads a session, changes its id and saves it, as a login does.
	 * @return the new id, or {@code null} when another request changed or ended the session first
	 */
	private @Nullable String changeIdWhenStarted(String id, CountDownLatch start) {
		try {
			start.await();
			RedisSession session = this.repository.findById(id);
			if (session == null) {
				return null;
			}
			String newId = session.changeSessionId();
			this.repository.save(session);
			return newId;
		}
		catch (IllegalStateException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One request of a session, as Spring Session's filter makes it: load, access, save.
	 * @param writes whether the request changes the session (and takes its lock)
	 * @return the commands this thread sent to Redis
	 */
	private List<String> request(String id, boolean writes) {
		this.connection.forget();
		try (SessionRequest request = SessionRequest.open(writes)) {
			RedisSession session = this.repository.findById(id);
			session.setLastAccessedTime(Instant.now());
			if (writes) {
				session.setAttribute("count", session.<Integer>getAttribute("count") + 1);
			}
			this.repository.save(session);
		}
		return this.connection.commandsOf(Thread.currentThread().getName());
	}

	private void increment(String id) {
		try (SessionRequest request = SessionRequest.open(true)) {
			RedisSession session = this.repository.findById(id);
			session.setAttribute("count", session.<Integer>getAttribute("count") + 1);
			this.repository.save(session);
		}
	}

	private static String key(String id) {
		return NAMESPACE + ":sessions:" + id;
	}

	private static int slot(String key) {
		return SlotHash.getSlot(key);
	}

	private static int node(String key) {
		return slot(key) * 3 / 16_384;
	}

	private static String command(String key, String... arguments) {
		return cluster.command(key, arguments);
	}

	private static SecurityContextImpl login(String user) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

}
