package dev.scaleout.session;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.scaleout.test.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ScriptedRedisSessionRepository} with session locks: the requests of one session that may write it run one
 * at a time, each still in two round trips; a waiting request gives up after the timeout, a dead request's lock
 * after its lease.
 */
class ScriptedRedisSessionRepositoryLockTests {

	private final TestRedis redis = TestRedis.shared();


	private final String namespace = "lock-" + UUID.randomUUID();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private RecordingConnection connection;

	private ScriptedRedisSessionRepository repository;

	@BeforeEach
	void connect() {
		this.connection = RecordingConnection.to(this.redis);
		this.repository = this.connection.repository();
		this.repository.setRedisKeyNamespace(this.namespace);
		lock(Duration.ofSeconds(10), Duration.ofSeconds(30));
	}

	@AfterEach
	void disconnect() {
		this.connection.close();
	}

	@Test
	void aWritingRequestWaitsUntilTheRequestAheadOfItSavedTheSession() {
		String id = sessionWithCount(1);
		try (SessionRequest first = SessionRequest.open(true)) {
			RedisSession ahead = this.repository.findById(id);
			String thisThread = Thread.currentThread().getName();
			CompletableFuture<Integer> behind = CompletableFuture.supplyAsync(() -> increment(id));
			await().until(() -> lockAttemptsOtherThan(thisThread) >= 2);
			ahead.setAttribute("count", ahead.<Integer>getAttribute("count") + 1);
			this.repository.save(ahead);
			assertThat(behind.join()).isEqualTo(3);
		}
		assertThat(count(id)).isEqualTo(3);
		assertThat(this.meters.get("scaleout.session.lock.wait").timer().count()).isEqualTo(2);
	}

	@Test
	void aLockedRequestStillTakesTwoRoundTrips() {
		String id = sessionWithCount(1);
		this.connection.forget();
		try (SessionRequest request = SessionRequest.open(true)) {
			RedisSession session = this.repository.findById(id);
			session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(1));
			this.repository.save(session);
		}
		assertThat(this.connection.commands()).hasSize(2).allMatch("EVALSHA"::equals);
		assertThat(this.redis.command("EXISTS", this.namespace + ":sessions:" + id)).isEqualTo("1");
		assertThat(this.redis.command("EXISTS", lockKey(id))).as("released by the save").isEqualTo("0");
	}

	@Test
	void readingRequestsNeitherTakeNorWaitForTheLock() {
		String id = sessionWithCount(1);
		try (SessionRequest writer = SessionRequest.open(true)) {
			this.repository.findById(id);
			CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
				try (SessionRequest request = SessionRequest.open(false)) {
					return this.repository.findById(id).<Integer>getAttribute("count");
				}
			});
			assertThat(reader.join()).isEqualTo(1);
		}
	}

	@Test
	void aRequestThatWaitedLongerThanTheTimeoutIsAnswered503AndCounted() {
		lock(Duration.ofMillis(200), Duration.ofSeconds(30));
		String id = sessionWithCount(1);
		try (SessionRequest holder = SessionRequest.open(true)) {
			this.repository.findById(id);
			CompletableFuture<SessionLockTimeoutException> waiter = CompletableFuture.supplyAsync(() -> {
				try (SessionRequest request = SessionRequest.open(true)) {
					SessionLockTimeoutException timeout = catchTimeout(id);
					this.connection.forget();
					assertThat(this.repository.findById(id)).as("read again to render the 503").isNotNull();
					assertThat(this.connection.commands()).as("without waiting again").containsExactly("HGETALL");
					return timeout;
				}
			});
			SessionLockTimeoutException timeout = waiter.join();
			assertThat(timeout.getStatusCode().value()).isEqualTo(503);
			assertThat(timeout.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		}
		assertThat(this.meters.get("scaleout.session.lock.timeouts").counter().count()).isEqualTo(1);
	}

	@Test
	void theLockOfARequestThatNeverEndedFreesItselfAfterItsLease() {
		lock(Duration.ofSeconds(10), Duration.ofMillis(300));
		String id = sessionWithCount(1);
		SessionRequest died = SessionRequest.open(true);
		this.repository.findById(id);
		died.close();
		assertThat(CompletableFuture.supplyAsync(() -> increment(id)).join()).isEqualTo(2);
	}

	@Test
	void locksOfSessionsARequestLoadedButNeverSavedAreReleasedWhenItEnds() {
		String id = sessionWithCount(1);
		SessionRequest request = SessionRequest.open(true);
		this.repository.findById(id);
		request.close();
		this.repository.releaseLocks(request);
		assertThat(this.redis.command("EXISTS", lockKey(id))).isEqualTo("0");
		this.connection.forget();
		assertThat(CompletableFuture.supplyAsync(() -> increment(id)).join()).isEqualTo(2);
		assertThat(this.connection.commands()).as("no wait: one attempt, one save").hasSize(2);
	}

	@Test
	void aLogoutDeletesTheLockWithTheSession() {
		String id = sessionWithCount(1);
		try (SessionRequest request = SessionRequest.open(true)) {
			this.repository.findById(id);
			this.repository.deleteById(id);
		}
		assertThat(this.redis.command("EXISTS", lockKey(id))).isEqualTo("0");
		assertThat(CompletableFuture.supplyAsync(() -> {
			try (SessionRequest next = SessionRequest.open(true)) {
				return this.repository.findById(id);
			}
		}).join()).isNull();
	}

	@Test
	void noLockIsTakenForASessionThatDoesNotExist() {
		try (SessionRequest request = SessionRequest.open(true)) {
			assertThat(this.repository.findById("no-such-session")).isNull();
		}
		assertThat(this.redis.command("EXISTS", lockKey("no-such-session"))).isEqualTo("0");
	}

	@Test
	void theLockIsInTheSessionsClusterSlot() {
		SessionKeys keys = new SessionKeys(this.namespace);
		assertThat(SlotHash.getSlot(keys.lock("abc"))).isEqualTo(SlotHash.getSlot(keys.session("abc")));
		SessionKeys tagged = new SessionKeys("{app}:session");
		assertThat(SlotHash.getSlot(tagged.lock("abc"))).isEqualTo(SlotHash.getSlot(tagged.session("abc")));
	}

	private int increment(String id) {
		try (SessionRequest request = SessionRequest.open(true)) {
			RedisSession session = this.repository.findById(id);
			int count = session.<Integer>getAttribute("count") + 1;
			session.setAttribute("count", count);
			this.repository.save(session);
			return count;
		}
	}

	private SessionLockTimeoutException catchTimeout(String id) {
		return assertThatExceptionOfType(SessionLockTimeoutException.class)
			.isThrownBy(() -> this.repository.findById(id))
			.actual();
	}

	private long lockAttemptsOtherThan(String thread) {
		return this.connection.sent()
			.stream()
			.filter((command) -> !command.thread().equals(thread))
			.filter((command) -> command.type().equals("EVALSHA") || command.type().equals("EVAL"))
			.count();
	}

	private void lock(Duration timeout, Duration lease) {
		this.repository.setLock(new SessionLock(timeout, lease, Duration.ofSeconds(2), this.meters));
	}

	private String sessionWithCount(int count) {
		RedisSession session = this.repository.createSession();
		session.setAttribute("count", count);
		this.repository.save(session);
		return session.getId();
	}

	private int count(String id) {
		return this.repository.findById(id).<Integer>getAttribute("count");
	}

	private String lockKey(String id) {
		return "{" + this.namespace + ":sessions:" + id + "}:lock";
	}

}
