package dev.scaleout.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What the test's requests left in each session, as the replica that answered last saw it: the attributes' own
 * objects, before the session store serialized them. Another replica's reading of the same session is compared
 * with this.
 */
final class SessionLedger {

	/**
	 * How long {@link #written()} waits for the requests in flight: a client has its answer before the replica has
	 * recorded the request's session, so the last request may still be recording.
	 */
	private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Written> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * Notes that a request began; {@link #record} ends it.
	 */
	void begin() {
		this.inFlight.incrementAndGet();
	}

	/**
	 * Notes that a request ended without leaving anything to record (it failed).
	 */
	void abandon() {
		this.inFlight.decrementAndGet();
	}

	/**
	 * Records the end of a request.
	 * @param requested the session id the request came with, if any: a login changes the id, a logout ends the
	 * session, and what was recorded under it is then obsolete
	 * @param written the session the request leaves, or {@code null} when it has none (or invalidated it)
	 */
	void record(@Nullable String requested, @Nullable Written written) {
		if (requested != null && (written == null || !requested.equals(written.sessionId()))) {
			this.sessions.remove(requested);
		}
		if (written != null) {
			this.sessions.put(written.sessionId(), written);
		}
		this.inFlight.decrementAndGet();
	}

	/**
	 * Forgets every session, between tests, when no request is in flight any more.
	 */
	void clear() {
		this.sessions.clear();
		this.inFlight.set(0);
	}

	/**
	 * The sessions the requests left, once no request is in flight.
	 * @return the sessions
	 * @throws IllegalStateException when requests are still in flight after a while
	 */
	List<Written> written() {
		try {
			Awaitility.await().atMost(QUIET_TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> this.inFlight.get() <= 0);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(this.inFlight.get() + " request(s) still in flight after " + QUIET_TIMEOUT
					+ ": assert on sessions once the test's requests are answered", ex);
		}
		return List.copyOf(this.sessions.values());
	}

	/**
	 * A session as a request left it.
	 *
	 * @param replica the index of the replica that answered the request
	 * @param sessionId the session's id
	 * @param attributes every attribute, by name
	 */
	record Written(int replica, String sessionId, Map<String, Object> attributes) {

		Written {
			attributes = Map.copyOf(attributes);
		}

	}

}
