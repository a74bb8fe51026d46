package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.session.DelegatingIndexResolver;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;

/**
 * The sessions of each principal: a Redis set of session ids per principal name, written by the save script
 * ({@link SessionScripts}) and read here. A session's principal is what Spring Session's
 * {@link PrincipalNameIndexResolver} finds in it: the {@link FindByIndexNameSessionRepository#PRINCIPAL_NAME_INDEX_NAME}
 * attribute, or the name of the authentication in Spring Security's context.
 */
final class PrincipalIndex {

	private static final IndexResolver<Session> resolver = new DelegatingIndexResolver<>(
			new PrincipalNameIndexResolver<>());

	private final RedisOperations<String, Object> redis;

	PrincipalIndex(RedisOperations<String, Object> redis) {
		this.redis = redis;
	}

	/**
	 * The name of the principal a session belongs to.
	 * @param session the session
	 * @return the name, or {@code null} when nobody is logged in to it
	 */
	static @Nullable String principalName(Session session) {
		return resolver.resolveIndexesFor(session).get(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
	}

	/**
	 * Whether a session an index names still belongs to the index's principal: it has not ended, and nobody else
	 * logged in to it.
	 * @param session the session, or {@code null} when it ended
	 * @param principalName the index's principal
	 * @return whether the index keeps it
	 */
	static boolean belongsTo(@Nullable MapSession session, String principalName) {
		return session != null && principalName.equals(principalName(session));
	}

	/**
	 * The sessions in an index that still belong to its principal. Ids of sessions that ended meanwhile (logged out,
	 * expired, now another principal's) are removed from the index, in one command.
	 * @param index the index's key
	 * @param principalName the principal's name
	 * @param load loads a session, or answers {@code null} when it ended
	 * @return the sessions by id
	 */
	Map<String, MapSession> sessions(String index, String principalName,
			Function<String, @Nullable MapSession> load) {
		byte[] key = index.getBytes(StandardCharsets.UTF_8);
		Set<byte[]> members = this.redis
			.execute((RedisCallback<Set<byte[]>>) (connection) -> connection.setCommands().sMembers(key));
		Map<String, MapSession> sessions = new LinkedHashMap<>();
		List<byte[]> ended = new ArrayList<>();
		for (byte[] member : (members != null) ? members : Set.<byte[]>of()) {
			String sessionId = new String(member, StandardCharsets.UTF_8);
			MapSession session = load.apply(sessionId);
			if (belongsTo(session, principalName)) {
				sessions.put(sessionId, session);
			}
			else {
				ended.add(member);
			}
		}
		if (!ended.isEmpty()) {
			this.redis.execute((RedisCallback<Long>) (connection) -> connection.setCommands()
				.sRem(key, ended.toArray(byte[][]::new)));
		}
		return sessions;
	}

}
