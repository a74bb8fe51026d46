package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSession;

/**
 * What a session's hash, as read from Redis, holds for both repositories: the session, or nothing to keep, and the
 * fields to clear. The repositories do the reading and the clearing, each with its own IO.
 *
 * @param session the session, or {@code null} when there is none, or none to keep
 * @param discard whether the hash is to be deleted: a session that cannot be read, or has expired
 * @param corruptFields the fields that no replica can read (the mapper dropped them with a WARN); a value of a
 * type this replica does not trust, or whose class it lacks, is not among them, since another replica or the next
 * build may read it
 */
record StoredSession(@Nullable MapSession session, boolean discard, List<String> corruptFields) {

	private static final StoredSession NONE = new StoredSession(null, false, List.of());

	private static final StoredSession DISCARDED = new StoredSession(null, true, List.of());

	/**
	 * Reads a session's hash.
	 * @param sessionId the session's id
	 * @param entries the hash, fields to deserialized values; empty when there is no session
	 * @param mapper turns a hash into a session, or {@code null} for one that must be discarded
	 * @return what the hash holds
	 */
	static StoredSession read(String sessionId, Map<String, Object> entries,
			BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper) {
		if (entries.isEmpty()) {
			return NONE;
		}
		MapSession session = mapper.apply(sessionId, entries);
		if (session == null || session.isExpired()) {
			return DISCARDED;
		}
		List<String> corrupt = entries.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() instanceof UnreadableValue unreadable
					&& unreadable.cause() == UnreadableValue.Cause.NO_JSON_FORM)
			.map(Map.Entry::getKey)
			.toList();
		return new StoredSession(session, false, corrupt);
	}

	/**
	 * Deserializes a hash read as bytes, as a script answers it.
	 * @param hash the fields and values
	 * @param serializer the serializer of session values
	 * @return the fields and deserialized values
	 */
	static Map<String, Object> decode(Map<byte[], byte[]> hash, RedisSerializer<Object> serializer) {
		Map<String, Object> entries = new HashMap<>();
		hash.forEach((field, value) -> {
			Object deserialized = serializer.deserialize(value);
			if (deserialized != null) {
				entries.put(new String(field, StandardCharsets.UTF_8), deserialized);
			}
		});
		return entries;
	}

}
