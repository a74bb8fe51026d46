package dev.scaleout.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;

/**
 * The HTTP request that the current thread serves, as far as {@link ScriptedRedisSessionRepository} needs to know
 * it: opened by {@link SessionRequestFilter} around Spring Session's filter, so that a session loaded or created
 * while it is open belongs to a request.
 * <ul>
 * <li>Such a session does not fail its request when a concurrent request deleted or re-keyed it: its changes are
 * dropped instead (see {@code RedisSession#save}).</li>
 * <li>A session loaded twice in one request — Spring Security's concurrent session control looks up the request's
 * own session again — is read from Redis once.</li>
 * <li>When the request may write ({@link #locks(String)}), the sessions it loads are locked for it
 * ({@link SessionLock}) under its {@link #token()}, and the locks it still holds when it ends are released
 * then.</li>
 * </ul>
 * On a servlet replica a thread-bound holder, like Spring's {@code RequestContextHolder}, because Spring Session
 * calls the repository without the request; on a WebFlux replica, where a request hops threads, it travels in the
 * Reactor Context instead ({@link SessionRequestWebFilter}). What a session needs of it is captured when the
 * session is loaded, so a session written later on another thread (an asynchronous request) behaves the same.
 */
final class SessionRequest implements AutoCloseable {

	private static final ThreadLocal<SessionRequest> current = new ThreadLocal<>();

	private final boolean locksSessions;

	private final Map<String, MapSession> loaded = new HashMap<>();

	private final Set<String> locked = new LinkedHashSet<>();

	private final Set<String> gaveUpLocking = new HashSet<>();

	private @Nullable String token;

	private SessionRequest(boolean locksSessions) {
		this.locksSessions = locksSessions;
	}

	/**
	 * Opens a request on the current thread, until {@link #close()}.
	 * @param locksSessions whether the sessions it loads are locked for it
	 * @return the request
	 */
	static SessionRequest open(boolean locksSessions) {
		SessionRequest request = new SessionRequest(locksSessions);
		current.set(request);
		return request;
	}

	/**
	 * A request bound to no thread: a WebFlux request, carried in the Reactor Context under this class.
	 * @param locksSessions whether the sessions it loads are locked for it
	 * @return the request
	 */
	static SessionRequest unbound(boolean locksSessions) {
		return new SessionRequest(locksSessions);
	}

	/**
	 * The request the current thread serves.
	 * @return the request, or {@code null} outside one (a scheduled job, a test, another thread)
	 */
	static @Nullable SessionRequest current() {
		return current.get();
	}

	/**
	 * The value of the locks this request holds, unique to it.
	 * @return the token
	 */
	String token() {
		if (this.token == null) {
			this.token = UUID.randomUUID().toString();
		}
		return this.token;
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

	void locked(String sessionId) {
		this.locked.add(sessionId);
	}

	void released(String sessionId) {
		this.locked.remove(sessionId);
	}

	/**
	 * Whether this request still holds a session's lock.
	 * @param sessionId the session's id
	 * @return whether it took the lock and has not released it
	 */
	boolean holds(String sessionId) {
		return this.locked.contains(sessionId);
	}

	/**
	 * The sessions whose locks this request still holds.
	 * @return their ids
	 */
	Set<String> locks() {
		return Set.copyOf(this.locked);
	}

	/**
	 * Remembers that this request gave up waiting for a session's lock. It is answered 503, and rendering that
	 * answer may read the session again (the locale of the error message is kept there): that read does not wait
	 * again.
	 * @param sessionId the session's id
	 */
	void gaveUpLocking(String sessionId) {
		this.gaveUpLocking.add(sessionId);
	}

	/**
	 * Whether the request may lock a session: it may write, has not locked it yet, and has not given up waiting.
	 * @param sessionId the session's id
	 * @return whether loading the session takes its lock
	 */
	boolean locks(String sessionId) {
		return this.locksSessions && !this.locked.contains(sessionId) && !this.gaveUpLocking.contains(sessionId);
	}

	@Override
	public void close() {
		if (current.get() == this) {
			current.remove();
		}
	}

}
