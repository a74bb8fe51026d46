package dev.scaleout.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.scaleout.session.SessionScripts.IndexEntry;
import dev.scaleout.session.SessionScripts.Saved;
import dev.scaleout.session.SessionScripts.SessionWrite;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;

/**
 * A session of {@link ScriptedRedisSessionRepository} (servlet) or {@link ScriptedReactiveRedisSessionRepository}
 * (WebFlux): its state and what changed since it was last written, so that a save writes only that. It does no IO:
 * its repository asks it {@link #pendingSave what to write}, runs the script its own way (blocking or not), and
 * tells it {@link #written what happened}. The rules — which fields a save writes, when an access is written (the
 * touch interval), what a session that a concurrent request deleted or re-keyed does — are thus the same on both
 * stacks.
 */
final class RedisSession implements Session {

	private static final Log logger = LogFactory.getLog(RedisSession.class);

	// Spring Session's hash fields (RedisSessionMapper's constants, which are not public).
	static final String CREATION_TIME = "creationTime";

	static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private static final Consumer<RedisSession> NO_FLUSH = (session) -> {
	};

	private final MapSession cached;

	private final SessionSettings settings;

	private final Map<String, @Nullable Object> delta = new HashMap<>();

	/**
	 * The request the session serves, or {@code null} outside one (then a save fails as Spring Session's does).
	 */
	private final @Nullable SessionRequest request;

	/**
	 * What a change does at once: nothing, or a save (Spring Session's {@code FlushMode.IMMEDIATE}).
	 */
	private Consumer<RedisSession> flush = NO_FLUSH;

	private boolean isNew;

	private String originalSessionId;

	/**
	 * The token of the lock this session's request took when it loaded it, until a save releases it.
	 */
	private @Nullable String lockToken;

	/**
	 * Whether a concurrent request deleted or re-keyed the session, so that its request's saves are dropped.
	 */
	private boolean gone;

	/**
	 * The last access stored in Redis, which the key's expiry follows.
	 */
	private Instant writtenAccess;

	/**
	 * The principal whose index holds the session's stored id.
	 */
	private @Nullable String indexedPrincipal;

	/**
	 * Whether an access newer than the written one waits for the touch interval, or for another change.
	 */
	private boolean accessNotWritten;

	/**
	 * Whether this session was written and has not changed since: Spring Session's filter saves a request's session
	 * when the response commits and once more when the request ends, and the second save has nothing to write nor
	 * to check.
	 */
	private boolean writtenUnchanged;

	/**
	 * @param cached the session's state
	 * @param isNew whether it was never written
	 * @param settings the repository's settings
	 * @param request the request it serves, or {@code null}
	 * @param locked whether its request locked it when loading it, so that its save releases the lock
	 */
	RedisSession(MapSession cached, boolean isNew, SessionSettings settings, @Nullable SessionRequest request,
			boolean locked) {
		this.cached = cached;
		this.settings = settings;
		this.request = request;
		this.lockToken = (locked && request != null) ? request.token() : null;
		this.isNew = isNew;
		this.originalSessionId = cached.getId();
		this.writtenAccess = cached.getLastAccessedTime();
		this.indexedPrincipal = isNew ? null : PrincipalIndex.principalName(cached);
		if (isNew) {
			this.delta.put(CREATION_TIME, cached.getCreationTime().toEpochMilli());
			this.delta.put(MAX_INACTIVE_INTERVAL, (int) cached.getMaxInactiveInterval().getSeconds());
			this.delta.put(LAST_ACCESSED_TIME, cached.getLastAccessedTime().toEpochMilli());
		}
		if (isNew || settings.saveMode() == SaveMode.ALWAYS) {
			for (String name : cached.getAttributeNames()) {
				this.delta.put(attributeKey(name), cached.getAttribute(name));
			}
		}
	}

	/**
	 * Saves on every change from now on, as Spring Session's {@code FlushMode.IMMEDIATE} does.
	 * @param flush the save
	 */
	void flushOnChange(Consumer<RedisSession> flush) {
		this.flush = flush;
	}

	@Override
	public String getId() {
		return this.cached.getId();
	}

	@Override
	public String changeSessionId() {
		String newId = this.settings.sessionIdGenerator().generate();
		this.cached.setId(newId);
		return newId;
	}

	@Override
	public <T> @Nullable T getAttribute(String attributeName) {
		T value = this.cached.getAttribute(attributeName);
		if (value != null && this.settings.saveMode() == SaveMode.ON_GET_ATTRIBUTE) {
			this.delta.put(attributeKey(attributeName), value);
		}
		return value;
	}

	@Override
	public Set<String> getAttributeNames() {
		return Collections.unmodifiableSet(this.cached.getAttributeNames());
	}

	@Override
	public void setAttribute(String attributeName, @Nullable Object attributeValue) {
		this.cached.setAttribute(attributeName, attributeValue);
		this.delta.put(attributeKey(attributeName), attributeValue);
		this.flush.accept(this);
	}

	@Override
	public void removeAttribute(String attributeName) {
		setAttribute(attributeName, null);
	}

	@Override
	public Instant getCreationTime() {
		return this.cached.getCreationTime();
	}

	/**
	 * Records an access. It is written only when the touch interval has passed since the last written access (or
	 * with any other change): until then a request that changes nothing in its session writes nothing. The
	 * interval is capped at a tenth of the session's timeout, so a session expires early by at most that.
	 */
	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.cached.setLastAccessedTime(lastAccessedTime);
		if (this.isNew || isTouchDue()) {
			this.delta.put(LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
			this.flush.accept(this);
		}
		else {
			this.accessNotWritten = true;
		}
	}

	private boolean isTouchDue() {
		Duration interval = this.settings.touchInterval();
		Duration timeout = getMaxInactiveInterval();
		if (!timeout.isNegative() && !timeout.isZero() && interval.compareTo(timeout.dividedBy(10)) > 0) {
			interval = timeout.dividedBy(10);
		}
		return Duration.between(this.writtenAccess, getLastAccessedTime()).compareTo(interval) >= 0;
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.cached.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.cached.setMaxInactiveInterval(interval);
		this.delta.put(MAX_INACTIVE_INTERVAL, (int) getMaxInactiveInterval().getSeconds());
		this.flush.accept(this);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.cached.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.cached.isExpired();
	}

	/**
	 * What saving the session writes now.
	 * @param checkExistence whether an existing session that has nothing to write is still checked for existence,
	 * as Spring Session's repositories do on {@code save} (but not on a flush); a save (unlike a flush) also
	 * releases the lock the session's request took
	 * @return the write, the release of a lock alone, or nothing
	 */
	PendingSave pendingSave(boolean checkExistence) {
		if (this.gone) {
			return PendingSave.NOTHING;
		}
		String loadedId = loadedId();
		if (this.lockToken != null && this.request != null && !this.request.holds(loadedId)) {
			// The request released it already: a failed WebFlux request does, before its error response commits.
			this.lockToken = null;
		}
		// Spring Session saves once a request is done with its session: the time to release its lock.
		boolean release = checkExistence && this.lockToken != null;
		boolean idChanged = !getId().equals(this.originalSessionId);
		if (this.delta.isEmpty() && !idChanged
				&& (this.isNew || !checkExistence || this.accessNotWritten || this.writtenUnchanged)) {
			return release ? new PendingSave(null, this.settings.keys().lock(loadedId), this.lockToken)
					: PendingSave.NOTHING;
		}
		if (this.accessNotWritten && !this.delta.isEmpty()) {
			// Written anyway: the access costs nothing more.
			this.delta.put(LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
		}
		if (this.request != null) {
			this.request.forget(loadedId);
		}
		return new PendingSave(toWrite(loadedId, idChanged, release), null, null);
	}

	/**
	 * Records what the write of {@link #pendingSave} did.
	 * @param write the write
	 * @param saved what the save script answered
	 * @throws IllegalStateException when the session was deleted, or its id changed by another request, since it
	 * was loaded, and it serves no request (a request's session drops its changes instead)
	 */
	void written(SessionWrite write, Saved saved) {
		if (write.lock() != null) {
			lockReleased(saved == Saved.WRITTEN_LOCK_LOST);
		}
		if (saved == Saved.GONE) {
			if (this.request == null) {
				throw new IllegalStateException("Session was invalidated");
			}
			dropChanges();
			return;
		}
		this.originalSessionId = getId();
		this.indexedPrincipal = PrincipalIndex.principalName(this.cached);
		if (this.delta.containsKey(LAST_ACCESSED_TIME)) {
			this.writtenAccess = getLastAccessedTime();
			this.accessNotWritten = false;
		}
		this.delta.clear();
		this.isNew = false;
		this.writtenUnchanged = true;
		if (this.request != null) {
			// as it is stored now: the request's next lookup of it (Spring Session's, when it sets the cookie) needs
			// no round trip
			this.request.remember(this.cached);
		}
	}

	/**
	 * Records that the lock alone of {@link #pendingSave} was released.
	 */
	void lockReleased() {
		lockReleased(false);
	}

	private void lockReleased(boolean lost) {
		this.lockToken = null;
		if (this.request != null) {
			this.request.released(loadedId());
		}
		if (lost) {
			logger.warn("A request held its session's lock longer than the lock's lease "
					+ "(scaleout.session.lock.lease), so another request of the session may have run alongside "
					+ "it; set the lease above the longest request");
		}
	}

	private String loadedId() {
		return this.isNew ? getId() : this.originalSessionId;
	}

	private SessionWrite toWrite(String loadedId, boolean idChanged, boolean release) {
		SessionKeys keys = this.settings.keys();
		Long expiresAt = this.delta.isEmpty() ? null
				: getLastAccessedTime().plus(getMaxInactiveInterval()).toEpochMilli();
		String principal = PrincipalIndex.principalName(this.cached);
		boolean indexChanged = idChanged || !Objects.equals(principal, this.indexedPrincipal);
		IndexEntry removal = (indexChanged && this.indexedPrincipal != null)
				? new IndexEntry(keys.principalIndex(this.indexedPrincipal), this.originalSessionId) : null;
		String index = (principal != null) ? keys.principalIndex(principal) : null;
		return new SessionWrite(keys.session(loadedId), keys.session(getId()), getId(), this.isNew, expiresAt,
				new HashMap<>(this.delta), removal, index, indexChanged || this.isNew,
				release ? keys.lock(loadedId) : null, release ? this.lockToken : null);
	}

	private void dropChanges() {
		this.gone = true;
		this.delta.clear();
		this.cached.setId(this.originalSessionId);
		if (logger.isDebugEnabled()) {
			logger.debug("A concurrent request deleted this request's session (a logout) or changed its id "
					+ "(a login) before this request saved it; its changes to the session are dropped");
		}
	}

	private static String attributeKey(String attributeName) {
		return ATTRIBUTE_PREFIX + attributeName;
	}

	/**
	 * What a save writes now.
	 *
	 * @param write the session's changes, or {@code null} when there are none to write
	 * @param lock a lock to release alone, without a write, or {@code null}
	 * @param lockToken the token of that lock
	 */
	record PendingSave(@Nullable SessionWrite write, @Nullable String lock, @Nullable String lockToken) {

		static final PendingSave NOTHING = new PendingSave(null, null, null);

	}

}
