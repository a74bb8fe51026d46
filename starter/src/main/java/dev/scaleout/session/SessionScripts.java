package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The Lua scripts of {@link ScriptedRedisSessionRepository}. Each runs atomically on the server, so that what
 * Spring Session's repository does in several round trips (check, rename, write, expire, index) costs one and
 * cannot interleave with another replica's request.
 */
final class SessionScripts {

	/**
	 * Writes a session. KEYS[1]: its key as loaded; KEYS[2]: its key under its current id (the same unless the id
	 * changed); then, when ARGV[4] is not empty, the principal index to remove ARGV[4] from; then, when ARGV[5] is
	 * not empty, the index of the session's principal, which lives as long as its longest-living session.
	 * <p>
	 * ARGV[1]: 1 for a new session, written unconditionally, 0 for an existing one, written (and renamed) only
	 * while KEYS[1] exists; ARGV[2]: expiry in epoch milliseconds, or empty to leave it; ARGV[3]: n, the number of
	 * fields to set; ARGV[4]: the id to remove from an index; ARGV[5]: 1 to add the session's current id, ARGV[6],
	 * to its principal's index, 0 to only keep that index alive; then n field and value pairs; then the fields to
	 * delete. Fields are written a batch at a time, because {@code unpack} of a whole large session exceeds Lua's
	 * stack.
	 * <p>
	 * Answers 1 when written, 0 when the session is gone: deleted (a logout), expired, or renamed by a concurrent
	 * request that changed its id.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			if ARGV[1] == '0' then
				if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
				if KEYS[1] ~= KEYS[2] then redis.call('RENAME', KEYS[1], KEYS[2]) end
			end
			local first = 7
			local last = first - 1 + 2 * tonumber(ARGV[3])
			for i = first, last, 256 do
				redis.call('HSET', KEYS[2], unpack(ARGV, i, math.min(i + 255, last)))
			end
			for i = last + 1, #ARGV, 256 do
				redis.call('HDEL', KEYS[2], unpack(ARGV, i, math.min(i + 255, #ARGV)))
			end
			if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
			local index = 3
			if ARGV[4] ~= '' then
				redis.call('SREM', KEYS[3], ARGV[4])
				index = 4
			end
			if ARGV[5] ~= '' then
				if ARGV[5] == '1' then redis.call('SADD', KEYS[index], ARGV[6]) end
				local ttl = redis.call('PTTL', KEYS[index])
				if ttl ~= -2 and ARGV[2] ~= '' then
					local now = redis.call('TIME')
					local expiry = tonumber(ARGV[2])
					if ttl == -1 or tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + ttl < expiry then
						redis.call('PEXPIREAT', KEYS[index], ARGV[2])
					end
				end
			end
			return 1""", Long.class);

	private static final long WRITTEN = 1;

	private SessionScripts() {
	}

	/**
	 * Runs the save script.
	 * @param redis the operations, with string keys
	 * @param serializer the serializer of session values
	 * @param write what to write
	 * @return whether the session was written; {@code false} when it is gone
	 */
	static boolean save(RedisOperations<String, Object> redis, RedisSerializer<Object> serializer, SessionWrite write) {
		List<String> keys = new ArrayList<>(List.of(write.loadedKey(), write.key()));
		if (write.indexRemoval() != null) {
			keys.add(write.indexRemoval().index());
		}
		if (write.principalIndex() != null) {
			keys.add(write.principalIndex());
		}
		Long answer = redis.execute(SAVE, RedisSerializer.byteArray(), new GenericToStringSerializer<>(Long.class),
				keys, arguments(write, serializer));
		return answer != null && answer == WRITTEN;
	}

	private static Object[] arguments(SessionWrite write, RedisSerializer<Object> serializer) {
		List<byte[]> pairs = new ArrayList<>(2 * write.delta().size());
		List<byte[]> deleted = new ArrayList<>();
		write.delta().forEach((field, value) -> {
			byte[] bytes = (value != null) ? serializer.serialize(value) : null;
			if (bytes == null) {
				deleted.add(utf8(field));
			}
			else {
				pairs.add(utf8(field));
				pairs.add(bytes);
			}
		});
		List<byte[]> args = new ArrayList<>(6 + pairs.size() + deleted.size());
		args.add(utf8(write.isNew() ? "1" : "0"));
		args.add(utf8((write.expiresAt() != null) ? write.expiresAt().toString() : ""));
		args.add(utf8(Integer.toString(pairs.size() / 2)));
		args.add(utf8((write.indexRemoval() != null) ? write.indexRemoval().sessionId() : ""));
		args.add(utf8((write.principalIndex() == null) ? "" : write.addToIndex() ? "1" : "0"));
		args.add(utf8(write.sessionId()));
		args.addAll(pairs);
		args.addAll(deleted);
		return args.toArray();
	}

	private static byte[] utf8(String value) {
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
	 */
	record SessionWrite(String loadedKey, String key, String sessionId, boolean isNew, @Nullable Long expiresAt,
			Map<String, @Nullable Object> delta, @Nullable IndexEntry indexRemoval, @Nullable String principalIndex,
			boolean addToIndex) {

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
