package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveRedisOperations;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisElementReader;
import org.springframework.data.redis.serializer.RedisElementWriter;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The Lua scripts of {@link ScriptedRedisSessionRepository} and of its reactive twin, run blocking or not. Each
 * runs atomically on the server, so that what Spring Session's repository does in several round trips (check,
 * rename, write, expire, index) costs one and cannot interleave with another replica's request.
 */
final class SessionScripts {

	/**
	 * Writes a session. KEYS[1]: its key as loaded; KEYS[2]: its key under its current id (the same unless the id
	 * changed); KEYS[3]: the lock of KEYS[1]; KEYS[4]: a principal index to remove the session's old id from;
	 * KEYS[5]: the index of the session's principal, which lives as long as its longest-living session. A key that
	 * a save does not use is given as KEYS[1], so that every key is in the session's Redis Cluster slot whenever
	 * that is possible.
	 * <p>
	 * ARGV[1]: 1 for a new session, written unconditionally, 0 for an existing one, written (and renamed) only
	 * while KEYS[1] exists; ARGV[2]: expiry in epoch milliseconds, or empty to leave it; ARGV[3]: n, the number of
	 * fields to set; ARGV[4]: the id to remove from KEYS[4], or empty; ARGV[5]: 1 to add the session's current id,
	 * ARGV[6], to KEYS[5], 0 to only keep KEYS[5] alive, empty when the session has no principal; ARGV[7]: the
	 * token of the lock to release, or empty; then n field and value pairs; then the fields to delete. Fields are
	 * written a batch at a time, because {@code unpack} of a whole large session exceeds Lua's stack.
	 * <p>
	 * Answers 0 when the session is gone (deleted by a logout, expired, or renamed by a concurrent request that
	 * changed its id), 1 when written, 3 when written but the lock to release was no longer this request's (its
	 * lease ran out).
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			local function release()
				if ARGV[7] == '' then return 0 end
				if redis.call('GET', KEYS[3]) == ARGV[7] then
					redis.call('DEL', KEYS[3])
					return 0
				end
				return 2
			end
			if ARGV[1] == '0' then
				if redis.call('EXISTS', KEYS[1]) == 0 then
					release()
					return 0
				end
				if KEYS[1] ~= KEYS[2] then redis.call('RENAME', KEYS[1], KEYS[2]) end
			end
			local first = 8
			local last = first - 1 + 2 * tonumber(ARGV[3])
			for i = first, last, 256 do
				redis.call('HSET', KEYS[2], unpack(ARGV, i, math.min(i + 255, last)))
			end
			for i = last + 1, #ARGV, 256 do
				redis.call('HDEL', KEYS[2], unpack(ARGV, i, math.min(i + 255, #ARGV)))
			end
			if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
			if ARGV[4] ~= '' then redis.call('SREM', KEYS[4], ARGV[4]) end
			if ARGV[5] ~= '' then
				if ARGV[5] == '1' then redis.call('SADD', KEYS[5], ARGV[6]) end
				local ttl = redis.call('PTTL', KEYS[5])
				if ttl ~= -2 and ARGV[2] ~= '' then
					local now = redis.call('TIME')
					if ttl == -1 or tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + ttl
							< tonumber(ARGV[2]) then
						redis.call('PEXPIREAT', KEYS[5], ARGV[2])
					end
				end
			end
			return 1 + release()""", Long.class);

	/**
	 * Takes a session's lock and loads the session. KEYS[1]: the session's key; KEYS[2]: its lock; ARGV[1]: this
	 * request's token; ARGV[2]: the lease in milliseconds. Answers {0} when there is no session (and takes no
	 * lock), {2, remaining lease} when another request holds the lock, and {1, field, value, ...} when the lock
	 * is this request's.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> LOCK_AND_LOAD = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
			local holder = redis.call('GET', KEYS[2])
			if holder and holder ~= ARGV[1] then return {2, redis.call('PTTL', KEYS[2])} end
			redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
			local session = redis.call('HGETALL', KEYS[1])
			table.insert(session, 1, 1)
			return session""", List.class);

	/**
	 * Releases a lock if it is still this request's. KEYS[1]: the lock; ARGV[1]: the request's token.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private static final RedisElementWriter<byte[]> BYTES = RedisElementWriter.from(RedisSerializer.byteArray());

	private static final RedisElementReader<byte[]> BYTES_READER = RedisElementReader
		.from(RedisSerializer.byteArray());

	private static final RedisElementReader<Long> LONG = RedisElementReader
		.from(new GenericToStringSerializer<>(Long.class));

	private SessionScripts() {
	}

	/**
	 * Runs the save script.
	 * @param redis the operations, with string keys
	 * @param serializer the serializer of session values
	 * @param write what to write
	 * @return what happened
	 */
	static Saved save(RedisOperations<String, Object> redis, RedisSerializer<Object> serializer, SessionWrite write) {
		Long answer = redis.execute(SAVE, RedisSerializer.byteArray(), new GenericToStringSerializer<>(Long.class),
				saveKeys(write), arguments(write, serializer));
		return Saved.of(answer);
	}

	/**
	 * Runs the save script without blocking.
	 * @param redis the reactive operations, with string keys
	 * @param serializer the serializer of session values
	 * @param write what to write
	 * @return what happened
	 */
	static Mono<Saved> save(ReactiveRedisOperations<String, Object> redis, RedisSerializer<Object> serializer,
			SessionWrite write) {
		// The arguments now, not on subscription: the session clears its changes once they are written.
		List<Object> arguments = List.of(arguments(write, serializer));
		return redis.execute(SAVE, saveKeys(write), arguments, BYTES, LONG).next().map(Saved::of)
			.defaultIfEmpty(Saved.GONE);
	}

	private static List<String> saveKeys(SessionWrite write) {
		String unused = write.loadedKey();
		return List.of(write.loadedKey(), write.key(), orElse(write.lock(), unused),
				(write.indexRemoval() != null) ? write.indexRemoval().index() : unused,
				orElse(write.principalIndex(), unused));
	}

	/**
	 * Runs the script that takes a session's lock and loads the session.
	 * @param redis the operations, with string keys
	 * @param sessionKey the session's key
	 * @param lock the session's lock
	 * @param token this request's token
	 * @param lease how long the lock holds unless released
	 * @return the session's hash when the lock is taken (empty when there is no session), or the remaining lease
	 * of the request holding it
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static LockedLoad lockAndLoad(RedisOperations<String, Object> redis, String sessionKey, String lock, String token,
			Duration lease) {
		List<Object> answer = redis.execute(LOCK_AND_LOAD, RedisSerializer.byteArray(),
				(RedisSerializer) RedisSerializer.byteArray(), List.of(sessionKey, lock), utf8(token),
				utf8(Long.toString(lease.toMillis())));
		return lockedLoad(answer);
	}

	/**
	 * Runs the script that takes a session's lock and loads the session, without blocking.
	 * @param redis the reactive operations, with string keys
	 * @param sessionKey the session's key
	 * @param lock the session's lock
	 * @param token this request's token
	 * @param lease how long the lock holds unless released
	 * @return the session's hash when the lock is taken (empty when there is no session), or the remaining lease
	 * of the request holding it
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Mono<LockedLoad> lockAndLoad(ReactiveRedisOperations<String, Object> redis, String sessionKey,
			String lock, String token, Duration lease) {
		return redis
			.execute(LOCK_AND_LOAD, List.of(sessionKey, lock),
					List.of(utf8(token), utf8(Long.toString(lease.toMillis()))), BYTES, (RedisElementReader) BYTES_READER)
			.collectList()
			.map((answer) -> lockedLoad(flattened((List<Object>) (List) answer)));
	}

	/**
	 * A script's array answer, whether the driver gave it as one list or element by element.
	 */
	private static List<Object> flattened(List<Object> answer) {
		if (answer.size() == 1 && answer.get(0) instanceof List<?> whole) {
			return new ArrayList<>(whole);
		}
		return answer;
	}

	private static LockedLoad lockedLoad(@Nullable List<Object> answer) {
		long status = (answer != null && !answer.isEmpty()) ? (Long) answer.get(0) : 0;
		if (status == 2) {
			return new LockedLoad(null, (Long) answer.get(1));
		}
		Map<byte[], byte[]> hash = new LinkedHashMap<>();
		for (int i = 1; answer != null && i + 1 < answer.size(); i += 2) {
			hash.put((byte[]) answer.get(i), (byte[]) answer.get(i + 1));
		}
		return new LockedLoad(hash, 0);
	}

	/**
	 * Releases a lock if it is still the request's.
	 * @param redis the operations, with string keys
	 * @param lock the lock
	 * @param token the request's token
	 */
	static void release(RedisOperations<String, Object> redis, String lock, String token) {
		redis.execute(RELEASE, RedisSerializer.byteArray(), new GenericToStringSerializer<>(Long.class), List.of(lock),
				utf8(token));
	}

	/**
	 * Releases a lock if it is still the request's, without blocking.
	 * @param redis the reactive operations, with string keys
	 * @param lock the lock
	 * @param token the request's token
	 * @return done once released
	 */
	static Mono<Void> release(ReactiveRedisOperations<String, Object> redis, String lock, String token) {
		return redis.execute(RELEASE, List.of(lock), List.of(utf8(token)), BYTES, LONG).then();
	}

	private static String orElse(@Nullable String key, String unused) {
		return (key != null) ? key : unused;
	}

	private static Object[] arguments(SessionWrite write, RedisSerializer<Object> serializer) {
		List<byte[]> pairs = new ArrayList<>(2 * write.delta().size());
		List<byte[]> deleted = new ArrayList<>();
		write.delta().forEach((field, value) -> {
			byte[] bytes = (value != null) ? TolerantSessionSerializer.serializeField(serializer, field, value) : null;
			// A value the format refused to store is written as no value: the attribute is not in Redis.
			if (bytes == null || bytes.length == 0) {
				deleted.add(utf8(field));
			}
			else {
				pairs.add(utf8(field));
				pairs.add(bytes);
			}
		});
		List<byte[]> args = new ArrayList<>(7 + pairs.size() + deleted.size());
		args.add(utf8(write.isNew() ? "1" : "0"));
		args.add(utf8((write.expiresAt() != null) ? write.expiresAt().toString() : ""));
		args.add(utf8(Integer.toString(pairs.size() / 2)));
		args.add(utf8((write.indexRemoval() != null) ? write.indexRemoval().sessionId() : ""));
		args.add(utf8((write.principalIndex() == null) ? "" : write.addToIndex() ? "1" : "0"));
		args.add(utf8(write.sessionId()));
		args.add(utf8((write.lockToken() != null) ? write.lockToken() : ""));
		args.addAll(pairs);
		args.addAll(deleted);
		return args.toArray();
	}

	static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One save of a session.
	 *
	 * @param loadedKey the session's key as loaded
	 * @param key its key under its current id
	 * @param sessionId its current id
	 * @param isNew whether it was never written
	 * @param expiresAt when it expires, in epoch milliseconds, or {@code null} to leave its expiry
	 * @param delta the hash fields to write; a {@code null} value deletes the field
	 * @param indexRemoval an entry to remove from a principal index, or {@code null}
	 * @param principalIndex the index of the session's principal, or {@code null} when it has none
	 * @param addToIndex whether to add the session's id to that index, or only keep the index alive
	 * @param lock the lock of the session as loaded, to release, or {@code null}
	 * @param lockToken the token of the request that holds that lock, or {@code null}
	 */
	record SessionWrite(String loadedKey, String key, String sessionId, boolean isNew, @Nullable Long expiresAt,
			Map<String, @Nullable Object> delta, @Nullable IndexEntry indexRemoval, @Nullable String principalIndex,
			boolean addToIndex, @Nullable String lock, @Nullable String lockToken) {

	}

	/**
	 * What a save did.
	 */
	enum Saved {

		/**
		 * Nothing: the session is gone.
		 */
		GONE,

		/**
		 * Wrote the session (and released its lock, if it held one).
		 */
		WRITTEN,

		/**
		 * Wrote the session, but the lock the request held had run out and was taken by another request.
		 */
		WRITTEN_LOCK_LOST;

		/**
		 * What a save script answers: 0 when the session is gone, else 1, plus 2 when the lock had run out.
		 */
		private static final long GONE_ANSWER = 0;

		private static final long LOCK_LOST_BIT = 2;

		static Saved of(@Nullable Long answer) {
			if (answer == null || answer == GONE_ANSWER) {
				return GONE;
			}
			return ((answer & LOCK_LOST_BIT) != 0) ? WRITTEN_LOCK_LOST : WRITTEN;
		}

	}

	/**
	 * What the lock-and-load script answered.
	 *
	 * @param hash the session's hash when the lock was taken (empty when there is no session), {@code null} when
	 * another request holds it
	 * @param leaseLeftMillis the remaining lease of that request's lock
	 */
	record LockedLoad(@Nullable Map<byte[], byte[]> hash, long leaseLeftMillis) {

	}

	/**
	 * A session's id in a principal index.
	 *
	 * @param index the index's key
	 * @param sessionId the id
	 */
	record IndexEntry(String index, String sessionId) {

	}

}
