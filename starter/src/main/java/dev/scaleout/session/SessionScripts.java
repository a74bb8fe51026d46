package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The Lua scripts of {@link ScriptedRedisSessionRepository}, and the arguments they take. Each runs atomically on
 * the server, so that what Spring Session's repository does in several round trips (check, rename, write,
 * expire) costs one and cannot interleave with another replica's request.
 */
final class SessionScripts {

	/**
	 * What {@link #SAVE} answers when the session's key is gone: deleted (a logout), expired, or renamed by a
	 * concurrent request that changed the session's id.
	 */
	static final long GONE = 0;

	/**
	 * What {@link #SAVE} answers when it wrote the session.
	 */
	static final long WRITTEN = 1;

	/**
	 * Writes a session. KEYS[1]: its key as loaded; KEYS[2]: its key under its current id (the same unless the id
	 * changed). ARGV[1]: 1 for a new session, written unconditionally, 0 for an existing one, written (and
	 * renamed) only while KEYS[1] exists; ARGV[2]: expiry in epoch milliseconds, or empty to leave it; ARGV[3]: n,
	 * the number of fields to set; then n field and value pairs; then the fields to delete. Fields are written a
	 * batch at a time, because {@code unpack} of a whole large session exceeds Lua's stack.
	 */
	static final RedisScript<Long> SAVE = RedisScript.of("""
			if ARGV[1] == '0' then
				if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
				if KEYS[1] ~= KEYS[2] then redis.call('RENAME', KEYS[1], KEYS[2]) end
			end
			local last = 3 + 2 * tonumber(ARGV[3])
			for i = 4, last, 256 do
				redis.call('HSET', KEYS[2], unpack(ARGV, i, math.min(i + 255, last)))
			end
			for i = last + 1, #ARGV, 256 do
				redis.call('HDEL', KEYS[2], unpack(ARGV, i, math.min(i + 255, #ARGV)))
			end
			if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
			return 1""", Long.class);

	private SessionScripts() {
	}

	/**
	 * The arguments of {@link #SAVE}.
	 * @param isNew whether the session was never written
	 * @param expiresAt when the session expires, in epoch milliseconds, or {@code null} to leave its expiry
	 * @param delta the hash fields to write; a {@code null} value deletes the field
	 * @param serializer the serializer of values
	 * @return the arguments, as bytes
	 */
	static Object[] saveArguments(boolean isNew, @Nullable Long expiresAt, Map<String, @Nullable Object> delta,
			RedisSerializer<Object> serializer) {
		List<byte[]> pairs = new ArrayList<>(2 * delta.size());
		List<byte[]> deleted = new ArrayList<>();
		delta.forEach((field, value) -> {
			byte[] bytes = (value != null) ? serializer.serialize(value) : null;
			if (bytes == null) {
				deleted.add(utf8(field));
			}
			else {
				pairs.add(utf8(field));
				pairs.add(bytes);
			}
		});
		List<byte[]> args = new ArrayList<>(3 + pairs.size() + deleted.size());
		args.add(utf8(isNew ? "1" : "0"));
		args.add(utf8((expiresAt != null) ? expiresAt.toString() : ""));
		args.add(utf8(Integer.toString(pairs.size() / 2)));
		args.addAll(pairs);
		args.addAll(deleted);
		return args.toArray();
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
