package dev.scaleout.session;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;
import org.springframework.session.data.redis.RedisSessionMapper;

/**
 * Maps a session read from Redis, or returns {@code null} — which Spring Session's Redis repositories treat as an
 * expired session: they delete it and the request starts a fresh one — when any of its values is unreadable or
 * its metadata is malformed. Logs one WARN line, without the session id (a secret).
 */
final class TolerantSessionMapper implements BiFunction<String, Map<String, Object>, MapSession> {

	private static final Log logger = LogFactory.getLog(TolerantSessionMapper.class);

	private final BiFunction<String, Map<String, Object>, MapSession> delegate;

	TolerantSessionMapper() {
		this(new RedisSessionMapper());
	}

	TolerantSessionMapper(BiFunction<String, Map<String, Object>, MapSession> delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable MapSession apply(String sessionId, Map<String, Object> map) {
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			if (entry.getValue() instanceof UnreadableValue unreadable) {
				return discard("its value '" + entry.getKey() + "' is unreadable (" + unreadable.reason() + ")");
			}
		}
		try {
			return this.delegate.apply(sessionId, map);
		}
		catch (IllegalStateException | ClassCastException ex) {
			return discard("its metadata is malformed (" + ex.getMessage() + ")");
		}
	}

	private static @Nullable MapSession discard(String why) {
		logger.warn("Discarding a session from Redis because " + why
				+ "; the request continues with a fresh session. Was it written by an incompatible version?");
		return null;
	}

}
