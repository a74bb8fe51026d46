package dev.scaleout.session;

import java.util.List;

import dev.scaleout.session.SessionScripts.IndexEntry;
import dev.scaleout.session.SessionScripts.Saved;
import dev.scaleout.session.SessionScripts.SessionWrite;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * A session's save on Redis Cluster, where one script may only touch the keys of one slot. Spring Session's keys
 * stay as they are ({@code <namespace>:sessions:<id>}), so a session and its lock share a slot, but a changed id
 * and a principal index are most likely in other slots, on other nodes. The save then runs slot by slot, in an
 * order that keeps the guarantees that matter:
 * <ul>
 * <li>The principal index gains the session's id before the session is written, and loses an old id after it, so
 * a lookup (sign out everywhere) never misses a live session; a dead id left behind is pruned by the next
 * lookup.</li>
 * <li>An id change copies the session to its new key and then deletes the old key only if it still exists; if it
 * does not (a concurrent logout, or a concurrent login that moved it first), the copy is deleted and the save
 * answers that the session is gone, so an ended session is not resurrected under a new id.</li>
 * </ul>
 * What is lost against one script on one server: during an id change the session exists briefly under both ids
 * (the new id is known to nobody yet), a change a concurrent request writes to the old key in that moment is not
 * carried over (with the session lock on, no writing request runs alongside), and a replica that dies in that
 * moment leaves a copy that nobody can reach and that expires with the session.
 * <p>
 * What it costs: a request that only reads its session still takes one round trip, a writing one two; a writing
 * request of a logged-in session takes three, the third keeping the principal's index alive as long as the
 * session; a login (an id change) takes up to six, once.
 */
final class ClusterSave {

	/**
	 * Takes a copy of a session that is about to change its id. KEYS[1]: the session's key; KEYS[2]: its lock;
	 * ARGV[1]: the token of the lock to release when the session is gone, or empty. Answers {} when the session is
	 * gone, else {DUMP of the session, its remaining time to live in milliseconds or -1}.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> COPY = RedisScript.of("""
			local copy = redis.call('DUMP', KEYS[1])
			if not copy then
				if ARGV[1] ~= '' and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
				return {}
			end
			return {copy, redis.call('PTTL', KEYS[1])}""", List.class);

	/**
	 * Deletes the old key of a session whose id changed, if it still exists. KEYS[1]: the old key; KEYS[2]: its
	 * lock; ARGV[1]: the token of the lock to release, or empty. Answers 0 when the old key was gone, 1 when deleted,
	 * 3 when deleted but the lock was no longer this request's.
	 */
	private static final RedisScript<Long> FINISH_MOVE = RedisScript.of("""
			local function release()
				if ARGV[1] == '' then return 0 end
				if redis.call('GET', KEYS[2]) == ARGV[1] then
					redis.call('DEL', KEYS[2])
					return 0
				end
				return 2
			end
			if redis.call('DEL', KEYS[1]) == 0 then
				release()
				return 0
			end
			return 1 + release()""", Long.class);

	/**
	 * Adds a session's id to a principal index (ARGV[1] 1) or only keeps it alive (0). KEYS[1]: the index; ARGV[2]:
	 * the id; ARGV[3]: the session's expiry in epoch milliseconds, or empty. The index lives as long as the
	 * longest-living session of its principal, as with the one-script save.
	 */
	private static final RedisScript<Long> INDEX = RedisScript.of("""
			if ARGV[1] == '1' then redis.call('SADD', KEYS[1], ARGV[2]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl ~= -2 and ARGV[3] ~= '' then
				local now = redis.call('TIME')
				if ttl == -1 or tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + ttl
						< tonumber(ARGV[3]) then
					redis.call('PEXPIREAT', KEYS[1], ARGV[3])
				end
			end
			return 1""", Long.class);

	private ClusterSave() {
	}

	/**
	 * Saves a session slot by slot.
	 * @param redis the operations, with string keys, on a cluster connection
	 * @param serializer the serializer of session values
	 * @param write what to write
	 * @return what happened
	 */
	static Saved save(RedisOperations<String, Object> redis, RedisSerializer<Object> serializer, SessionWrite write) {
		String principalIndex = write.principalIndex();
		if (principalIndex != null && (write.addToIndex() || write.expiresAt() != null)) {
			index(redis, principalIndex, write.addToIndex(), write.sessionId(), write.expiresAt());
		}
		Saved saved = write.isNew() || write.loadedKey().equals(write.key()) ? saveInPlace(redis, serializer, write)
				: move(redis, serializer, write);
		IndexEntry removal = write.indexRemoval();
		if (saved != Saved.GONE && removal != null) {
			byte[] index = SessionScripts.utf8(removal.index());
			byte[] id = SessionScripts.utf8(removal.sessionId());
			redis.execute((RedisCallback<Long>) (connection) -> connection.setCommands().sRem(index, id));
		}
		return saved;
	}

	private static Saved saveInPlace(RedisOperations<String, Object> redis, RedisSerializer<Object> serializer,
			SessionWrite write) {
		return SessionScripts.save(redis, serializer, withoutIndex(write, write.loadedKey(), write.lock(),
				write.lockToken()));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Saved move(RedisOperations<String, Object> redis, RedisSerializer<Object> serializer,
			SessionWrite write) {
		String lock = (write.lock() != null) ? write.lock() : write.loadedKey();
		byte[] token = SessionScripts.utf8((write.lockToken() != null) ? write.lockToken() : "");
		List<Object> copy = redis.execute(COPY, RedisSerializer.byteArray(), (RedisSerializer) RedisSerializer.byteArray(),
				List.of(write.loadedKey(), lock), token);
		if (copy == null || copy.size() < 2) {
			return Saved.GONE;
		}
		byte[] dump = (byte[]) copy.get(0);
		long ttl = Math.max(0, (Long) copy.get(1));
		byte[] key = SessionScripts.utf8(write.key());
		redis.execute((RedisCallback<Void>) (connection) -> {
			connection.keyCommands().restore(key, ttl, dump, true);
			return null;
		});
		if (!write.delta().isEmpty() || write.expiresAt() != null) {
			SessionScripts.save(redis, serializer, withoutIndex(write, write.key(), null, null));
		}
		Long finished = redis.execute(FINISH_MOVE, RedisSerializer.byteArray(),
				new GenericToStringSerializer<>(Long.class), List.of(write.loadedKey(), lock), token);
		Saved saved = Saved.of(finished);
		if (saved == Saved.GONE) {
			// Another request ended the session, or moved it first: the copy must not outlive it.
			redis.delete(write.key());
		}
		return saved;
	}

	/**
	 * The part of a save that touches only the slot of {@code key}: the session's hash there and its lock.
	 */
	private static SessionWrite withoutIndex(SessionWrite write, String key, @Nullable String lock,
			@Nullable String lockToken) {
		return new SessionWrite(key, key, write.sessionId(), write.isNew(), write.expiresAt(), write.delta(), null, null,
				false, lock, lockToken);
	}

	private static void index(RedisOperations<String, Object> redis, String index, boolean add, String sessionId,
			@Nullable Long expiresAt) {
		redis.execute(INDEX, RedisSerializer.byteArray(), new GenericToStringSerializer<>(Long.class), List.of(index),
				SessionScripts.utf8(add ? "1" : "0"), SessionScripts.utf8(sessionId), SessionScripts.utf8((expiresAt != null) ? expiresAt.toString() : ""));
	}

}
