package dev.scaleout.session;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.scaleout.session.RedisSession.PendingSave;
import dev.scaleout.session.SessionScripts.Saved;
import dev.scaleout.session.SessionScripts.SessionWrite;
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
import org.springframework.session.SessionIdGenerator;
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
		implements FindByIndexNameSessionRepository<RedisSession>, ScriptedSessionStore {

	private final RedisOperations<String, Object> redis;

	private final RedisSerializer<Object> valueSerializer;

	private final BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper;

	private SessionSettings settings = SessionSettings.DEFAULT;

	private final PrincipalIndex principalIndex;

	private FlushMode flushMode = FlushMode.ON_SAVE;

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

	void setFlushMode(FlushMode flushMode) {
		Assert.notNull(flushMode, "flushMode must not be null");
		this.flushMode = flushMode;
	}

	@Override
	public void setLock(SessionLock lock) {
		Assert.notNull(lock, "lock must not be null");
		this.lock = lock;
	}

	@Override
	public SessionSettings settings() {
		return this.settings;
	}

	@Override
	public void settings(SessionSettings settings) {
		this.settings = settings;
	}

	@Override
	public RedisSession createSession() {
		RedisSession session = session(this.settings.newSession(), true, SessionRequest.current(), false);
		if (this.flushMode == FlushMode.IMMEDIATE) {
			save(session, false);
		}
		return session;
	}

	private RedisSession session(MapSession cached, boolean isNew, @Nullable SessionRequest request,
			boolean locked) {
		RedisSession session = new RedisSession(cached, isNew, this.settings, request, locked);
		if (this.flushMode == FlushMode.IMMEDIATE) {
			session.flushOnChange((changed) -> save(changed, false));
		}
		return session;
	}

	/**
	 * Writes what changed; an existing session only while it still exists under the id it was loaded with.
	 * @throws IllegalStateException when the session was deleted, or its id changed by another request, since it
	 * was loaded
	 */
	@Override
	public void save(RedisSession session) {
		save(session, true);
	}

	private void save(RedisSession session, boolean checkExistence) {
		PendingSave pending = session.pendingSave(checkExistence);
		if (pending.write() != null) {
			session.written(pending.write(), write(pending.write()));
		}
		else if (pending.lock() != null && pending.lockToken() != null) {
			SessionScripts.release(this.redis, pending.lock(), pending.lockToken());
			session.lockReleased();
		}
	}

	@Override
	public @Nullable RedisSession findById(String sessionId) {
		SessionRequest request = SessionRequest.current();
		if (request == null) {
			MapSession loaded = load(sessionId);
			return (loaded != null) ? session(loaded, false, null, false) : null;
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
		return (loaded != null) ? session(loaded, false, request, locked) : null;
	}

	private @Nullable MapSession load(String sessionId) {
		Map<String, Object> entries = this.redis.<String, Object>opsForHash()
			.entries(this.settings.keys().session(sessionId));
		return kept(sessionId, entries);
	}

	/**
	 * The session a hash holds, deleting it when it is not to be kept, and its fields that no replica can read.
	 */
	private @Nullable MapSession kept(String sessionId, Map<String, Object> entries) {
		StoredSession stored = StoredSession.read(sessionId, entries, this.mapper);
		if (stored.discard()) {
			deleteById(sessionId);
		}
		if (!stored.corruptFields().isEmpty()) {
			this.redis.opsForHash().delete(this.settings.keys().session(sessionId), stored.corruptFields().toArray());
		}
		return stored.session();
	}

	/**
	 * Takes the session's lock for the request, waiting while another request holds it, and loads the session.
	 * @return the session, or {@code null} (and no lock) when there is none
	 */
	private @Nullable MapSession lockAndLoad(String sessionId, SessionRequest request, SessionLock lock) {
		Map<byte[], byte[]> hash = lock.lockAndLoad(this.redis, this.settings.keys(), sessionId, request);
		return kept(sessionId, StoredSession.decode(hash, this.valueSerializer));
	}

	/**
	 * Releases the locks a request still holds when it ends: those of sessions it loaded but did not save.
	 * @param request the request
	 */
	void releaseLocks(SessionRequest request) {
		if (this.lock != null) {
			this.lock.releaseAll(this.redis, this.settings.keys(), request);
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
		SessionKeys keys = this.settings.keys();
		this.redis.delete(List.of(keys.session(sessionId), keys.lock(sessionId)));
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
		this.principalIndex.sessions(this.settings.keys().principalIndex(indexValue), indexValue, this::load)
			.forEach((id, session) -> sessions.put(id, session(session, false, SessionRequest.current(), false)));
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

}
