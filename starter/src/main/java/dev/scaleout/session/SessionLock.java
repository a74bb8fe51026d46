package dev.scaleout.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.scaleout.session.SessionScripts.LockedLoad;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveRedisOperations;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.util.Assert;

/**
 * Makes the requests of one session that may write it run one at a time, across all replicas, as ASP.NET session
 * state and PHP's session files do: a lock per session in Redis, taken by the script that loads the session and
 * released by the script that saves it. A request that finds the lock taken polls for it, with a growing pause,
 * until {@link #timeout()}; a lock whose replica died frees itself after {@link #lease()}.
 * <p>
 * Meters, when a registry is given: {@code scaleout.session.lock.wait} (a timer of how long each request waited
 * for the lock, zero when it was free) and {@code scaleout.session.lock.timeouts} (requests that gave up).
 */
final class SessionLock {

	private static final Log logger = LogFactory.getLog(SessionLock.class);

	private static final long FIRST_PAUSE_MILLIS = 2;

	private static final long LONGEST_PAUSE_MILLIS = 50;

	private final Duration timeout;

	private final Duration lease;

	private final Duration retryAfter;

	private final @Nullable Timer waits;

	private final @Nullable Counter timeouts;

	/**
	 * @param timeout how long a request waits for the lock before it is answered 503
	 * @param lease how long a lock holds when its request neither saves nor ends, e.g. because its replica died
	 * @param retryAfter the Retry-After of that 503
	 * @param meters where to record waits and timeouts, or {@code null}
	 */
	SessionLock(Duration timeout, Duration lease, Duration retryAfter, @Nullable MeterRegistry meters) {
		Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive");
		Assert.isTrue(lease.compareTo(Duration.ZERO) > 0, "lease must be positive");
		this.timeout = timeout;
		this.lease = lease;
		this.retryAfter = retryAfter;
		this.waits = (meters != null) ? Timer.builder("scaleout.session.lock.wait")
			.description("How long requests waited for their session's lock")
			.register(meters) : null;
		this.timeouts = (meters != null) ? Counter.builder("scaleout.session.lock.timeouts")
			.description("Requests that gave up waiting for their session's lock and were answered 503")
			.register(meters) : null;
	}

	/**
	 * Takes a session's lock for a request, waiting while another request holds it, and loads the session in the
	 * same script.
	 * @param redis the operations, with string keys
	 * @param keys the keys of the session's namespace
	 * @param sessionId the session's id
	 * @param request the request, which holds the lock once this returns a session
	 * @return the session's hash, empty (and no lock taken) when there is no session
	 * @throws SessionLockTimeoutException when another request still held the lock after the timeout
	 */
	Map<byte[], byte[]> lockAndLoad(RedisOperations<String, Object> redis, SessionKeys keys, String sessionId,
			SessionRequest request) {
		Map<byte[], byte[]> hash;
		try {
			hash = acquire(() -> {
				LockedLoad load = SessionScripts.lockAndLoad(redis, keys.session(sessionId), keys.lock(sessionId),
						request.token(), this.lease);
				return (load.hash() != null) ? Attempt.acquired(load.hash()) : Attempt.heldFor(load.leaseLeftMillis());
			});
		}
		catch (SessionLockTimeoutException ex) {
			request.gaveUpLocking(sessionId);
			throw ex;
		}
		if (hash == null || hash.isEmpty()) {
			return Map.of();
		}
		request.locked(sessionId);
		return hash;
	}

	/**
	 * Takes a session's lock for a request without blocking, as {@link #lockAndLoad(RedisOperations, SessionKeys,
	 * String, SessionRequest)} does.
	 * @param redis the reactive operations, with string keys
	 * @param keys the keys of the session's namespace
	 * @param sessionId the session's id
	 * @param request the request, which holds the lock once this gives a session
	 * @return the session's hash, empty (and no lock taken) when there is no session; a
	 * {@link SessionLockTimeoutException} when another request still held the lock after the timeout
	 */
	Mono<Map<byte[], byte[]>> lockAndLoad(ReactiveRedisOperations<String, Object> redis, SessionKeys keys,
			String sessionId, SessionRequest request) {
		return acquireReactive(() -> SessionScripts
			.lockAndLoad(redis, keys.session(sessionId), keys.lock(sessionId), request.token(), this.lease)
			.map((load) -> (load.hash() != null) ? Attempt.acquired(load.hash())
					: Attempt.<Map<byte[], byte[]>>heldFor(load.leaseLeftMillis())))
			.doOnError(SessionLockTimeoutException.class, (ex) -> request.gaveUpLocking(sessionId))
			.defaultIfEmpty(Map.of())
			.doOnNext((hash) -> {
				if (!hash.isEmpty()) {
					request.locked(sessionId);
				}
			});
	}

	/**
	 * Releases the locks a request still holds when it ends, without blocking. Failures are left to the locks'
	 * lease.
	 * @param redis the reactive operations, with string keys
	 * @param keys the keys of the sessions' namespace
	 * @param request the request
	 * @return done once released
	 */
	Mono<Void> releaseAll(ReactiveRedisOperations<String, Object> redis, SessionKeys keys, SessionRequest request) {
		return Flux.fromIterable(request.locks())
			.concatMap((sessionId) -> SessionScripts.release(redis, keys.lock(sessionId), request.token())
				.doOnSuccess((done) -> request.released(sessionId))
				.onErrorResume((ex) -> {
					logger.debug("Could not release a session lock; its lease will", ex);
					return Mono.empty();
				}))
			.then();
	}

	/**
	 * Releases the locks a request still holds when it ends. Failures are left to the locks' lease.
	 * @param redis the operations, with string keys
	 * @param keys the keys of the sessions' namespace
	 * @param request the request
	 */
	void releaseAll(RedisOperations<String, Object> redis, SessionKeys keys, SessionRequest request) {
		for (String sessionId : request.locks()) {
			try {
				SessionScripts.release(redis, keys.lock(sessionId), request.token());
				request.released(sessionId);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release a session lock; its lease will", ex);
			}
		}
	}

	/**
	 * Tries until the lock is taken (or there is nothing to lock), pausing between attempts while another request
	 * holds it.
	 * @param <T> what a successful attempt gives
	 * @param attempt one try: {@link Attempt#acquired}, or {@link Attempt#heldFor} the lock's remaining lease
	 * @return what the successful attempt gave
	 * @throws SessionLockTimeoutException when the lock was still held after {@link #timeout()}
	 */
	private <T> @Nullable T acquire(Supplier<Attempt<T>> attempt) {
		Wait wait = new Wait();
		while (true) {
			Attempt<T> result = attempt.get();
			long pause = wait.pauseAfter(result);
			if (pause < 0) {
				return result.value();
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a session lock", ex);
			}
		}
	}

	/**
	 * Tries until the lock is taken, as {@link #acquire(Supplier)} does, pausing on a timer instead of a thread.
	 */
	private <T> Mono<T> acquireReactive(Supplier<Mono<Attempt<T>>> attempt) {
		return Mono.defer(() -> attemptUntilTaken(attempt, new Wait()));
	}

	private <T> Mono<T> attemptUntilTaken(Supplier<Mono<Attempt<T>>> attempt, Wait wait) {
		return attempt.get().flatMap((result) -> {
			long pause = wait.pauseAfter(result);
			if (pause < 0) {
				return Mono.justOrEmpty(result.value());
			}
			return Mono.delay(Duration.ofMillis(pause)).then(Mono.defer(() -> attemptUntilTaken(attempt, wait)));
		});
	}

	private void record(long nanos) {
		if (this.waits != null) {
			this.waits.record(Duration.ofNanos(nanos));
		}
	}

	/**
	 * One request's wait for a lock: how long to pause after each attempt, growing, until the timeout. The same
	 * for a blocking and a reactive wait.
	 */
	private final class Wait {

		private final long start = System.nanoTime();

		private final long deadline = this.start + SessionLock.this.timeout.toNanos();

		private long pause = FIRST_PAUSE_MILLIS;

		/**
		 * @param result the last attempt
		 * @return -1 when the lock was taken, else how many milliseconds to pause before the next attempt
		 * @throws SessionLockTimeoutException when the timeout has passed
		 */
		long pauseAfter(Attempt<?> result) {
			long now = System.nanoTime();
			if (result.taken()) {
				record(now - this.start);
				return -1;
			}
			if (now >= this.deadline) {
				record(now - this.start);
				if (SessionLock.this.timeouts != null) {
					SessionLock.this.timeouts.increment();
				}
				throw new SessionLockTimeoutException(SessionLock.this.timeout, SessionLock.this.retryAfter);
			}
			long remainingMillis = Math.max(1, (this.deadline - now) / 1_000_000);
			long leaseLeft = Math.max(1, result.leaseLeftMillis());
			long millis = Math.min(Math.min(this.pause, leaseLeft), remainingMillis);
			this.pause = Math.min(LONGEST_PAUSE_MILLIS, this.pause * 2);
			// Jitter, so that requests queued on one session do not poll in step.
			return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
		}

	}

	/**
	 * The outcome of one try for the lock.
	 *
	 * @param <T> what a successful try gives
	 * @param taken whether the lock is this request's now (or there was nothing to lock)
	 * @param value what a successful try gives
	 * @param leaseLeftMillis how long the holder's lease still runs, when the lock was held
	 */
	record Attempt<T>(boolean taken, @Nullable T value, long leaseLeftMillis) {

		static <T> Attempt<T> acquired(@Nullable T value) {
			return new Attempt<>(true, value, 0);
		}

		static <T> Attempt<T> heldFor(long leaseLeftMillis) {
			return new Attempt<>(false, null, leaseLeftMillis);
		}

	}

}
