package dev.scaleout.session;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request that the current thread serves, as far as {@link ScriptedRedisSessionRepository} needs to know
 * it: opened by {@link SessionRequestFilter} around Spring Session's filter, so that a session loaded or created
 * while it is open belongs to a request. Such a session does not fail its request when a concurrent request
 * deleted or re-keyed it: its changes are dropped instead (see {@code RedisSession#save}).
 * <p>
 * A thread-bound holder, like Spring's {@code RequestContextHolder}, because Spring Session calls the repository
 * without the request. What a session needs of it is read when the session is loaded, so a session written later
 * on another thread (an asynchronous request) behaves the same.
 */
final class SessionRequest implements AutoCloseable {

	private static final ThreadLocal<SessionRequest> current = new ThreadLocal<>();

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

	@Override
	public void close() {
		current.remove();
	}

}
