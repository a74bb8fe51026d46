package dev.scaleout.session;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;
import org.springframework.session.data.redis.RedisSessionMapper;

/**
 * Maps a session read from Redis without the attributes whose values are unreadable: each is dropped alone and
 * recorded in {@link SessionTypeRefusals}, so that one value of an untrusted or changed type does not cost the
 * user the login. Returns {@code null} — which Spring Session's Redis repositories treat as an expired session:
 * they delete it and the request starts a fresh one — only when the session's own fields are malformed, logging
 * one WARN line without the session id (a secret).
 */
final class TolerantSessionMapper implements BiFunction<String, Map<String, Object>, MapSession> {

	private static final Log logger = LogFactory.getLog(TolerantSessionMapper.class);

	private static final String ATTRIBUTE_PREFIX = RedisSession.ATTRIBUTE_PREFIX;

	private final BiFunction<String, Map<String, Object>, MapSession> delegate;

	private final SessionTypeRefusals refusals;

	TolerantSessionMapper(SessionTypeRefusals refusals) {
		this(new RedisSessionMapper(), refusals);
	}

	TolerantSessionMapper(BiFunction<String, Map<String, Object>, MapSession> delegate,
			SessionTypeRefusals refusals) {
		this.delegate = delegate;
		this.refusals = refusals;
	}

	@Override
	public @Nullable MapSession apply(String sessionId, Map<String, Object> map) {
		Map<String, Object> readable = map;
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			if (entry.getValue() instanceof UnreadableValue unreadable && entry.getKey().startsWith(ATTRIBUTE_PREFIX)) {
				if (readable == map) {
					readable = new HashMap<>(map);
				}
				readable.remove(entry.getKey());
				this.refusals.refusedToRead(entry.getKey().substring(ATTRIBUTE_PREFIX.length()), unreadable);
			}
		}
		try {
			return this.delegate.apply(sessionId, readable);
		}
		catch (IllegalStateException | ClassCastException ex) {
			// an unreadable creationTime, say, is left in the map to fail here
			logger.warn("Discarding a session from Redis because its metadata is malformed (" + ex.getMessage()
					+ "); the request continues with a fresh session. Was it written by an incompatible version?");
			return null;
		}
	}

}
