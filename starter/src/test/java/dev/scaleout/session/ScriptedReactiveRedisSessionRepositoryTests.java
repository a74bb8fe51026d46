package dev.scaleout.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link ScriptedReactiveRedisSessionRepository} behind Spring Session's own {@link SpringSessionWebSessionStore},
 * called as WebFlux calls it for a request (retrieve, which records the access, then save when the response
 * commits), on a real Redis: a request costs the round trips of a servlet request, the writing requests of one
 * session run one at a time across replicas, and a session ended by a logout is not brought back.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptedReactiveRedisSessionRepositoryTests {

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "reactive-" + UUID.randomUUID();

	private RecordingConnection connection;

	private ScriptedReactiveRedisSessionRepository repository;

	private RecordingConnection otherConnection;

	private ScriptedReactiveRedisSessionRepository otherReplica;

	@BeforeEach
	void connect() {
		this.connection = RecordingConnection.to(this.redis);
		this.repository = replica(this.connection);
		this.otherConnection = RecordingConnection.to(this.redis);
		this.otherReplica = replica(this.otherConnection);
	}

	@AfterEach
	void disconnect() {
		this.connection.close();
		this.otherConnection.close();
	}

	@Test
	void aRequestThatOnlyReadsItsSessionCostsOneRoundTrip() {
		String id = sessionWithCount(1);
		warmUpScripts();
		this.connection.forget();
		SessionRequest request = SessionRequest.unbound(false);
		WebSession session = retrieve(this.repository, id, request, Instant.now().plusSeconds(1));
		assertThat(session.<Integer>getAttribute("count")).isEqualTo(1);
		session.save().contextWrite((context) -> context.put(SessionRequest.class, request)).block();
		assertThat(this.connection.commands()).containsExactly("HGETALL");
	}

	@Test
	void aRequestThatWritesItsSessionCostsTwoRoundTrips() {
		String id = sessionWithCount(1);
		warmUpScripts();
		this.connection.forget();
		assertThat(increment(this.repository, id, SessionRequest.unbound(false))).isEqualTo(2);
		assertThat(this.connection.commands()).containsExactly("HGETALL", "EVALSHA");
	}

	@Test
	void aLockedWritingRequestStillCostsTwoRoundTrips() {
		lockBoth(Duration.ofSeconds(10));
		String id = sessionWithCount(1);
		warmUpScripts();
		this.connection.forget();
		assertThat(increment(this.repository, id, SessionRequest.unbound(true))).isEqualTo(2);
		assertThat(this.connection.commands()).containsExactly("EVALSHA", "EVALSHA");
		assertThat(this.redis.command("EXISTS", lockKey(id))).as("released by the save").isEqualTo("0");
	}

	@Test
	void twoWritingRequestsOfOneSessionOnTwoReplicasRunOneAtATime() {
		lockBoth(Duration.ofSeconds(10));
		String id = sessionWithCount(1);
		warmUpScripts();
		SessionRequest first = SessionRequest.unbound(true);
		WebSession ahead = retrieve(this.repository, id, first, Instant.now());
		this.otherConnection.forget();
		CompletableFuture<Integer> behind = CompletableFuture
			.supplyAsync(() -> increment(this.otherReplica, id, SessionRequest.unbound(true)));
		await().until(() -> this.otherConnection.commands().size() >= 2);
		assertThat(behind).as("waits while the first request holds the lock").isNotDone();
		ahead.getAttributes().put("count", ahead.<Integer>getAttribute("count") + 1);
		ahead.save().block();
		assertThat(behind.join()).isEqualTo(3);
		assertThat(count(id)).isEqualTo(3);
	}

	@Test
	void aFailedRequestReleasesItsLockFirstAndTheSaveOfItsErrorResponseNeitherNeedsNorMissesIt(
			CapturedOutput output) {
		lockBoth(Duration.ofSeconds(10));
		String id = sessionWithCount(1);
		SessionRequest request = SessionRequest.unbound(true);
		WebSession session = retrieve(this.repository, id, request, Instant.now());
		session.getAttributes().put("count", 2);
		// the request failed: SessionRequestWebFilter releases its locks before the error response commits
		this.repository.releaseLocks(request).block();
		assertThat(this.redis.command("EXISTS", lockKey(id))).isEqualTo("0");
		session.save().contextWrite((context) -> context.put(SessionRequest.class, request)).block();
		assertThat(count(id)).isEqualTo(2);
		assertThat(output.getOut()).doesNotContain("longer than the lock's lease");
	}

	@Test
	void aSessionLoggedOutMeanwhileIsNotBroughtBackByARequestThatLoadedItBefore() {
		String id = sessionWithCount(1);
		SessionRequest request = SessionRequest.unbound(false);
		WebSession loadedBeforeLogout = retrieve(this.repository, id, request, Instant.now());
		this.otherReplica.deleteById(id).block();
		loadedBeforeLogout.getAttributes().put("count", 2);
		loadedBeforeLogout.save().block();
		assertThat(this.redis.command("EXISTS", this.namespace + ":sessions:" + id)).isEqualTo("0");
	}

	@Test
	void outsideARequestSavingASessionDeletedMeanwhileFailsAsSpringSessionDoes() {
		String id = sessionWithCount(1);
		RedisSession loaded = this.repository.findById(id).block();
		this.otherReplica.deleteById(id).block();
		loaded.setAttribute("count", 2);
		assertThatIllegalStateException().isThrownBy(() -> this.repository.save(loaded).block())
			.withMessage("Session was invalidated");
		assertThat(this.redis.command("EXISTS", this.namespace + ":sessions:" + id)).isEqualTo("0");
	}

	private ScriptedReactiveRedisSessionRepository replica(RecordingConnection connection) {
		ScriptedReactiveRedisSessionRepository replica = ScriptedReactiveRedisSessionRepository
			.on(connection.factory(), RecordingConnection.serializer());
		replica.setRedisKeyNamespace(this.namespace);
		replica.setTouchInterval(Duration.ofMinutes(1));
		return replica;
	}

	private void lockBoth(Duration timeout) {
		this.repository.setLock(new SessionLock(timeout, Duration.ofSeconds(30), Duration.ofSeconds(2), null));
		this.otherReplica.setLock(new SessionLock(timeout, Duration.ofSeconds(30), Duration.ofSeconds(2), null));
	}

	/**
	 * Runs each script once, so that the round trips counted are those of every request but a replica's first,
	 * which also sends a script's text once.
	 */
	private void warmUpScripts() {
		increment(this.repository, sessionWithCount(0), SessionRequest.unbound(true));
	}

	/**
	 * What WebFlux does for a request that asks for its session: the store retrieves it, recording the access.
	 */
	private static WebSession retrieve(ScriptedReactiveRedisSessionRepository repository, String id,
			SessionRequest request, Instant now) {
		SpringSessionWebSessionStore<RedisSession> store = new SpringSessionWebSessionStore<>(repository);
		store.setClock(Clock.fixed(now, ZoneOffset.UTC));
		return store.retrieveSession(id).contextWrite((context) -> context.put(SessionRequest.class, request)).block();
	}

	private static int increment(ScriptedReactiveRedisSessionRepository repository, String id,
			SessionRequest request) {
		WebSession session = retrieve(repository, id, request, Instant.now());
		int count = session.<Integer>getAttribute("count") + 1;
		session.getAttributes().put("count", count);
		session.save().contextWrite((context) -> context.put(SessionRequest.class, request)).block();
		return count;
	}

	private String sessionWithCount(int count) {
		return this.repository.createSession().flatMap((session) -> {
			session.setAttribute("count", count);
			return this.repository.save(session).then(Mono.just(session.getId()));
		}).block();
	}

	private int count(String id) {
		return this.repository.findById(id).block().<Integer>getAttribute("count");
	}

	private String lockKey(String id) {
		return "{" + this.namespace + ":sessions:" + id + "}:lock";
	}

}
