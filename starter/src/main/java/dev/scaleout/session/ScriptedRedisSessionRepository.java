package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import dev.scaleout.session.SessionScripts.IndexEntry;
import dev.scaleout.session.SessionScripts.Saved;
import dev.scaleout.session.SessionScripts.SessionWrite;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import org.springframework.util.Assert;

/**
 * A Redis session repository that needs two round trips per request instead of four: one {@code HGETALL} to
 * load the session and one script that writes it. Spring Session's {@code RedisSessionRepository} saves an
 * existing session with {@code EXISTS} (so that a session invalidated meanwhile is not brought back), then
 * {@code RENAME} when the id changed, {@code HMSET} and {@code PEXPIREAT}; here they run inside one Lua script,
 * atomically, with the same guarantee and the same exception: a session deleted, or renamed by a concurrent
 * request, is not written and its save fails with {@code IllegalStateException("Session was invalidated")}.
 * <p>
 * Keys, hash fields and values are those of Spring Session's repository ({@code <namespace>:sessions:<id>},
 * {@code creationTime}, {@code lastAccessedTime}, {@code maxInactiveInterval}, {@code sessionAttr:<name>}), so
 * replicas running either repository share sessions.
 * <p>
 * A session that serves an HTTP request (loaded or created while a {@link SessionRequest} is open) does not fail
 * that request when a concurrent request deleted or re-keyed it: the request ran before the logout or login that
 * removed its session, so its answer stands, while its changes to the session are dropped (a logout is not undone)
 * and its own id change is undone (the browser is not handed a cookie for a session that does not exist). The
 * next request finds no session, and starts a fresh one or is asked to log in.
 * <p>
 * Sessions are found by principal name ({@link FindByIndexNameSessionRepository}) without keyspace events or
 * {@code CONFIG}: the save script keeps a set of session ids per principal, {@code <namespace>:index:<name>},
 * adding a session when its principal or id changes and keeping the set alive as long as its longest-living
 * session; a lookup drops the ids of sessions that ended meanwhile.
 * <p>
 * On a Redis Cluster the keys stay Spring Session's, and a save whose keys are in several slots (an id change, a
 * principal's index) runs slot by slot instead of in one script: see {@link ClusterSave} for the order that keeps
 * ended sessions from coming back and lookups from missing a session, and for what that costs.
 * <p>
 * Two settings go beyond Spring Session's: {@link #setTouchInterval a touch interval}, so that a request that only
 * reads its session costs one round trip, and {@link #setLock a lock} that makes the writing requests of one
 * session run one at a time across replicas, taken by the script that loads the session and released by the one
 * that saves it.
 */
final class ScriptedRedisSessionRepository
		implements FindByIndexNameSessionRepository<ScriptedRedisSessionRepository.RedisSession> {

	private static final Log logger = LogFactory.getLog(ScriptedRedisSessionRepository.class);

	// Spring Session's hash fields (RedisSessionMapper's constants, which are not public).
	private static final String CREATION_TIME = "creationTime";

	private static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	private static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private final RedisOperations<String, Object> redis;

	private final RedisSerializer<Object> valueSerializer;

	private final BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper;

	private SessionKeys keys = SessionKeys.DEFAULT;

	private final PrincipalIndex principalIndex;

	private Duration defaultMaxInactiveInterval = Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS);

	private FlushMode flushMode = FlushMode.ON_SAVE;

	private SaveMode saveMode = SaveMode.ON_SET_ATTRIBUTE;

	private SessionIdGenerator sessionIdGenerator = UuidSessionIdGenerator.getInstance();

	private Duration touchInterval = Duration.ZERO;

	private @Nullable SessionLock lock;

	/**
	 * Whether the connection is to a Redis Cluster, found on the first save.
	 */
	private volatile @Nullable Boolean cluster;

	/**
	 * @param redis operations with string keys and hash keys whose default serializer writes session values
	 * @param valueSerializer the serializer of session values, the same as the operations' default
	 * @param mapper turns a session hash into a session, or {@code null} for one that must be discarded
	 */
	ScriptedRedisSessionRepository(RedisOperations<String, Object> redis, RedisSerializer<Object> valueSerializer,
			BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper) {
		Assert.notNull(redis, "redis must not be null");
		Assert.notNull(valueSerializer, "valueSerializer must not be null");
		Assert.notNull(mapper, "mapper must not be null");
		this.redis = redis;
		this.valueSerializer = valueSerializer;
		this.mapper = mapper;
		this.principalIndex = new PrincipalIndex(redis);
	}

	/**
	 * A repository on a connection factory, reading sessions through a {@link TolerantSessionMapper} that records
	 * what it drops with the serializer's refusals when the serializer is a {@link TolerantSessionSerializer}.
	 * @param connectionFactory the connection to Redis
	 * @param serializer the serializer of session values
	 * @return the repository, with Spring Session's default namespace and settings
	 */
	static ScriptedRedisSessionRepository on(RedisConnectionFactory connectionFactory,
			RedisSerializer<Object> serializer) {
		Assert.notNull(connectionFactory, "connectionFactory must not be null");
		Assert.notNull(serializer, "serializer must not be null");
		RedisTemplate<String, Object> redis = new RedisTemplate<>();
		redis.setKeySerializer(RedisSerializer.string());
		redis.setHashKeySerializer(RedisSerializer.string());
		redis.setDefaultSerializer(serializer);
		redis.setConnectionFactory(connectionFactory);
		redis.afterPropertiesSet();
		SessionTypeRefusals refusals = (serializer instanceof TolerantSessionSerializer tolerant) ? tolerant.refusals()
				: new SessionTypeRefusals(List.of());
		return new ScriptedRedisSessionRepository(redis, serializer, new TolerantSessionMapper(refusals));
	}

	void setRedisKeyNamespace(String namespace) {
		Assert.hasText(namespace, "namespace must not be empty");
		this.keys = new SessionKeys(namespace);
	}

	void setDefaultMaxInactiveInterval(Duration defaultMaxInactiveInterval) {
		Assert.notNull(defaultMaxInactiveInterval, "defaultMaxInactiveInterval must not be null");
		this.defaultMaxInactiveInterval = defaultMaxInactiveInterval;
	}

	void setFlushMode(FlushMode flushMode) {
		Assert.notNull(flushMode, "flushMode must not be null");
		this.flushMode = flushMode;
	}

	void setSaveMode(SaveMode saveMode) {
		Assert.notNull(saveMode, "saveMode must not be null");
		this.saveMode = saveMode;
	}

	void setSessionIdGenerator(SessionIdGenerator sessionIdGenerator) {
		Assert.notNull(sessionIdGenerator, "sessionIdGenerator cannot be null");
		this.sessionIdGenerator = sessionIdGenerator;
	}

	/**
	 * How long after the last written access an access is written again. Until then a request that changes
	 * nothing in its session writes nothing, and costs one round trip instead of two; a session expires early by
	 * at most this much, and never by more than a tenth of its timeout. Zero, the default, writes every access, as
	 * Spring Session does.
	 * @param touchInterval the interval, zero or positive
	 */
	void setTouchInterval(Duration touchInterval) {
		Assert.notNull(touchInterval, "touchInterval must not be null");
		Assert.isTrue(!touchInterval.isNegative(), "touchInterval must not be negative");
		this.touchInterval = touchInterval;
	}

	/**
	 * Makes the requests of one session that may write it ({@link SessionRequest#locks(String)}) run one at a
	 * time, across replicas.
	 * @param lock the lock's settings
	 */
	void setLock(SessionLock lock) {
		Assert.notNull(lock, "lock must not be null");
		this.lock = lock;
	}

	@Override
	public RedisSession createSession() {
		MapSession cached = new MapSession(this.sessionIdGenerator);
		cached.setMaxInactiveInterval(this.defaultMaxInactiveInterval);
		RedisSession session = new RedisSession(cached, true);
		session.flushIfRequired();
		return session;
	}

	/**
	 * Writes what changed; an existing session only while it still exists under the id it was loaded with.
	 * @throws IllegalStateException when the session was deleted, or its id changed by another request, since it
	 * was loaded
	 */
	@Override
	public void save(RedisSession session) {
		session.save(true);
	}

	@Override
	public @Nullable RedisSession findById(String sessionId) {
		SessionRequest request = SessionRequest.current();
		if (request == null) {
			MapSession loaded = load(sessionId);
			return (loaded != null) ? new RedisSession(loaded, false) : null;
		}
		MapSession loaded = request.loaded(sessionId);
		boolean locked = false;
		if (loaded == null) {
			locked = this.lock != null && request.locks(sessionId);
			loaded = locked ? lockAndLoad(sessionId, request, this.lock) : load(sessionId);
			if (loaded != null) {
				request.remember(loaded);
			}
		}
		return (loaded != null) ? new RedisSession(loaded, false, locked) : null;
	}

	private @Nullable MapSession load(String sessionId) {
		Map<String, Object> entries = this.redis.<String, Object>opsForHash().entries(this.keys.session(sessionId));
		if (entries.isEmpty()) {
			return null;
		}
		return mapped(sessionId, entries);
	}

	private @Nullable MapSession mapped(String sessionId, Map<String, Object> entries) {
		MapSession session = this.mapper.apply(sessionId, entries);
		if (session == null || session.isExpired()) {
			deleteById(sessionId);
			return null;
		}
		clearCorruptFields(sessionId, entries);
		return session;
	}

	/**
	 * Deletes the fields that no replica can read (the mapper dropped them with a WARN). A value of a type this
	 * replica does not trust, or whose class it lacks, stays: another replica, or the next build, may read it.
	 */
	private void clearCorruptFields(String sessionId, Map<String, Object> entries) {
		Object[] corrupt = entries.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() instanceof UnreadableValue unreadable
					&& unreadable.cause() == UnreadableValue.Cause.NO_JSON_FORM)
			.map(Map.Entry::getKey)
			.toArray();
		if (corrupt.length > 0) {
			this.redis.opsForHash().delete(this.keys.session(sessionId), corrupt);
		}
	}

	/**
	 * Takes the session's lock for the request, waiting while another request holds it, and loads the session.
	 * @return the session, or {@code null} (and no lock) when there is none
	 */
	private @Nullable MapSession lockAndLoad(String sessionId, SessionRequest request, SessionLock lock) {
		Map<byte[], byte[]> hash = lock.lockAndLoad(this.redis, this.keys, sessionId, request);
		if (hash.isEmpty()) {
			return null;
		}
		Map<String, Object> entries = new HashMap<>();
		hash.forEach((field, value) -> entries.put(new String(field, StandardCharsets.UTF_8),
				this.valueSerializer.deserialize(value)));
		return mapped(sessionId, entries);
	}

	/**
	 * Releases the locks a request still holds when it ends: those of sessions it loaded but did not save.
	 * @param request the request
	 */
	void releaseLocks(SessionRequest request) {
		if (this.lock != null) {
			this.lock.releaseAll(this.redis, this.keys, request);
		}
	}

	@Override
	public void deleteById(String sessionId) {
		SessionRequest request = SessionRequest.current();
		if (request != null) {
			request.forget(sessionId);
			request.released(sessionId);
		}
		// The lock too: whoever waits for it finds no session.
		this.redis.delete(List.of(this.keys.session(sessionId), this.keys.lock(sessionId)));
	}

	/**
	 * The sessions of a principal, found through the index that the save script keeps. Ids of sessions that ended
	 * meanwhile (logged out, expired, another principal now) are removed from the index.
	 * @param indexName {@link #PRINCIPAL_NAME_INDEX_NAME}, the only index there is
	 * @param indexValue the principal's name
	 * @return the principal's sessions by id
	 */
	@Override
	public Map<String, RedisSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			return Collections.emptyMap();
		}
		Map<String, RedisSession> sessions = new LinkedHashMap<>();
		this.principalIndex.sessions(this.keys.principalIndex(indexValue), indexValue, this::load)
			.forEach((id, session) -> sessions.put(id, new RedisSession(session, false)));
		return sessions;
	}

	/**
	 * Saves in one script on one server; on a Redis Cluster, slot by slot (see {@link ClusterSave}), because the
	 * keys a save touches (a changed id, a principal's index) are in other slots than the session's.
	 */
	private Saved write(SessionWrite write) {
		return isCluster() ? ClusterSave.save(this.redis, this.valueSerializer, write)
				: SessionScripts.save(this.redis, this.valueSerializer, write);
	}

	private boolean isCluster() {
		Boolean cluster = this.cluster;
		if (cluster == null) {
			// The template's connection proxy implements every interface of the connection, sends no command here.
			cluster = Boolean.TRUE.equals(this.redis
				.execute((RedisCallback<Boolean>) (connection) -> connection instanceof RedisClusterConnection));
			this.cluster = cluster;
		}
		return cluster;
	}

	private @Nullable String principalName(Session session) {
		return this.principalIndex.principalName(session);
	}

	/**
	 * A session that records what changed, so that a save writes only the changed fields.
	 */
	final class RedisSession implements Session {

		private final MapSession cached;

		private final Map<String, @Nullable Object> delta = new HashMap<>();

		/**
		 * The request the session serves, or {@code null} outside one (then a save fails as Spring Session's does).
		 */
		private final @Nullable SessionRequest request = SessionRequest.current();

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

		RedisSession(MapSession cached, boolean isNew) {
			this(cached, isNew, false);
		}

		/**
		 * @param cached the session's state
		 * @param isNew whether it was never written
		 * @param locked whether its request locked it when loading it, so that its save releases the lock
		 */
		RedisSession(MapSession cached, boolean isNew, boolean locked) {
			this.cached = cached;
			this.lockToken = (locked && this.request != null) ? this.request.token() : null;
			this.isNew = isNew;
			this.originalSessionId = cached.getId();
			this.writtenAccess = cached.getLastAccessedTime();
			this.indexedPrincipal = isNew ? null : principalName(cached);
			if (isNew) {
				this.delta.put(CREATION_TIME, cached.getCreationTime().toEpochMilli());
				this.delta.put(MAX_INACTIVE_INTERVAL, (int) cached.getMaxInactiveInterval().getSeconds());
				this.delta.put(LAST_ACCESSED_TIME, cached.getLastAccessedTime().toEpochMilli());
			}
			if (isNew || ScriptedRedisSessionRepository.this.saveMode == SaveMode.ALWAYS) {
				for (String name : cached.getAttributeNames()) {
					this.delta.put(attributeKey(name), cached.getAttribute(name));
				}
			}
		}

		@Override
		public String getId() {
			return this.cached.getId();
		}

		@Override
		public String changeSessionId() {
			String newId = ScriptedRedisSessionRepository.this.sessionIdGenerator.generate();
			this.cached.setId(newId);
			return newId;
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			T value = this.cached.getAttribute(attributeName);
			if (value != null && ScriptedRedisSessionRepository.this.saveMode == SaveMode.ON_GET_ATTRIBUTE) {
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
			flushIfRequired();
		}

		@Override
		public void removeAttribute(String attributeName) {
			setAttribute(attributeName, null);
		}

		@Override
		public Instant getCreationTime() {
			return this.cached.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.cached.setLastAccessedTime(lastAccessedTime);
			if (this.isNew || isTouchDue()) {
				this.delta.put(LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
				flushIfRequired();
			}
			else {
				this.accessNotWritten = true;
			}
		}

		private boolean isTouchDue() {
			Duration interval = ScriptedRedisSessionRepository.this.touchInterval;
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
			flushIfRequired();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.cached.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.cached.isExpired();
		}

		private void flushIfRequired() {
			if (ScriptedRedisSessionRepository.this.flushMode == FlushMode.IMMEDIATE) {
				save(false);
			}
		}

		/**
		 * @param checkExistence whether an existing session that has nothing to write is still checked for
		 * existence, as Spring Session's repository does on {@code save} (but not on a flush)
		 */
		private void save(boolean checkExistence) {
			if (this.gone) {
				return;
			}
			// Spring Session's filter saves once a request is done with its session: the time to release its lock.
			boolean release = checkExistence && this.lockToken != null;
			String loadedId = this.isNew ? getId() : this.originalSessionId;
			boolean idChanged = !getId().equals(this.originalSessionId);
			if (this.delta.isEmpty() && !idChanged && (this.isNew || !checkExistence || this.accessNotWritten)) {
				if (release) {
					SessionScripts.release(ScriptedRedisSessionRepository.this.redis,
							ScriptedRedisSessionRepository.this.keys.lock(loadedId), this.lockToken);
					released(loadedId, false);
				}
				return;
			}
			if (this.accessNotWritten && !this.delta.isEmpty()) {
				// Written anyway: the access costs nothing more.
				this.delta.put(LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
			}
			if (this.request != null) {
				this.request.forget(loadedId);
			}
			Saved saved = ScriptedRedisSessionRepository.this.write(toWrite(loadedId, idChanged, release));
			if (release) {
				released(loadedId, saved == Saved.WRITTEN_LOCK_LOST);
			}
			if (saved == Saved.GONE) {
				if (this.request == null) {
					throw new IllegalStateException("Session was invalidated");
				}
				dropChanges();
				return;
			}
			this.originalSessionId = getId();
			this.indexedPrincipal = principalName(this.cached);
			if (this.delta.containsKey(LAST_ACCESSED_TIME)) {
				this.writtenAccess = getLastAccessedTime();
				this.accessNotWritten = false;
			}
			this.delta.clear();
			this.isNew = false;
		}

		private SessionWrite toWrite(String loadedId, boolean idChanged, boolean release) {
			SessionKeys keys = ScriptedRedisSessionRepository.this.keys;
			Long expiresAt = this.delta.isEmpty() ? null
					: getLastAccessedTime().plus(getMaxInactiveInterval()).toEpochMilli();
			String principal = principalName(this.cached);
			boolean indexChanged = idChanged || !Objects.equals(principal, this.indexedPrincipal);
			IndexEntry removal = (indexChanged && this.indexedPrincipal != null)
					? new IndexEntry(keys.principalIndex(this.indexedPrincipal), this.originalSessionId) : null;
			String index = (principal != null) ? keys.principalIndex(principal) : null;
			return new SessionWrite(keys.session(loadedId), keys.session(getId()), getId(), this.isNew, expiresAt,
					this.delta, removal, index, indexChanged || this.isNew, release ? keys.lock(loadedId) : null,
					release ? this.lockToken : null);
		}

		private void released(String loadedId, boolean lost) {
			this.lockToken = null;
			if (this.request != null) {
				this.request.released(loadedId);
			}
			if (lost) {
				logger.warn("A request held its session's lock longer than the lock's lease "
						+ "(scaleout.session.lock.lease), so another request of the session may have run alongside "
						+ "it; set the lease above the longest request");
			}
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

	}

}
