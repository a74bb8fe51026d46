package dev.scaleout.session;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;

/**
 * The HTTP request that the current thread serves, as far as {@link ScriptedRedisSessionRepository} needs to know
 * it: opened by {@link SessionRequestFilter} around Spring Session's filter, so that a session loaded or created
 * while it is open belongs to a request. Such a session does not fail its request when a concurrent request
 * deleted or re-keyed it: its changes are dropped instead (see {@code RedisSession#save}). And a session loaded
 * twice in one request — Spring Security's concurrent session control looks up the request's own session again —
 * is read from Redis once.
 * <p>
 * A thread-bound holder, like Spring's {@code RequestContextHolder}, because Spring Session calls the repository
 * without the request. What a session needs of it is read when the session is loaded, so a session written later
 * on another thread (an asynchronous request) behaves the same.
 */
final class SessionRequest implements AutoCloseable {

	private static final ThreadLocal<SessionRequest> current = new ThreadLocal<>();

	private final Map<String, MapSession> loaded = new HashMap<>();

	private SessionRequest() {
	}

	/**
	 * Opens the request on the current thread, until {@link #close()}.
	 * @return the request
	 */
	static SessionRequest open() {
		SessionRequest request = new SessionRequest();
		current.set(request);
		return request;
	}

	/**
	 * The request the current thread serves.
	 * @return the request, or {@code null} outside one (a scheduled job, a test, another thread)
	 */
	static @Nullable SessionRequest current() {
		return current.get();
	}

	/**
	 * Remembers a session as this request loaded it, until it is saved or deleted.
	 * @param session the session, as read from Redis
	 */
	void remember(MapSession session) {
		this.loaded.put(session.getId(), new MapSession(session));
	}

	/**
	 * A session this request loaded and has not saved or deleted since.
	 * @param sessionId the session's id
	 * @return a copy of the session as loaded, or {@code null}
	 */
	@Nullable MapSession loaded(String sessionId) {
		MapSession session = this.loaded.get(sessionId);
		return (session != null) ? new MapSession(session) : null;
	}

	void forget(String sessionId) {
		this.loaded.remove(sessionId);
	}

	@Override
	public void close() {
		current.remove();
	}

}
