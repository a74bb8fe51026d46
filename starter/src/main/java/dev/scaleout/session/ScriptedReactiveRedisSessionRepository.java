package dev.scaleout.session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.scaleout.session.RedisSession.PendingSave;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisOperations;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveFindByIndexNameSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SaveMode;
import org.springframework.session.SessionIdGenerator;
import org.springframework.util.Assert;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The WebFlux twin of {@link ScriptedRedisSessionRepository}: the same sessions ({@link RedisSession}), keys, JSON
 * and scripts, run without blocking. A request that only reads its session costs one round trip (with a touch
 * interval), one that writes it two, where Spring Session's {@code ReactiveRedisSessionRepository} writes the hash
 * and its expiry separately on every request. A session written by a servlet replica is read by a WebFlux one and
 * the other way round.
 * <p>
 * The request a session serves ({@link SessionRequest}) comes from the Reactor Context, put there by
 * {@link SessionRequestWebFilter}: with it, the writing requests of one session run one at a time when locks are
 * on, and a request whose session a concurrent request deleted or re-keyed keeps its answer and drops its changes.
 * Outside a request, a save of a session deleted meanwhile fails with {@code IllegalStateException("Session was
 * invalidated")}, as Spring Session's does.
 * <p>
 * Not on a Redis Cluster: a save whose keys are in several slots would need {@link ClusterSave}'s slot-by-slot
 * order, which exists only blocking; the auto-configuration keeps Spring Session's reactive repository there.
 */
final class ScriptedReactiveRedisSessionRepository implements ReactiveSessionRepository<RedisSession>,
		ReactiveFindByIndexNameSessionRepository<RedisSession>, ScriptedSessionStore {

	private final ReactiveRedisOperations<String, Object> redis;

	private final RedisSerializer<Object> valueSerializer;

	private final BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper;

	private SessionSettings settings = SessionSettings.DEFAULT;

	private @Nullable SessionLock lock;

	/**
	 * @param redis operations with string keys and hash keys whose hash values are session values
	 * @param valueSerializer the serializer of session values, the same as the operations' hash values'
	 * @param mapper turns a session hash into a session, or {@code null} for one that must be discarded
	 */
	ScriptedReactiveRedisSessionRepository(ReactiveRedisOperations<String, Object> redis,
			RedisSerializer<Object> valueSerializer,
			BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper) {
		Assert.notNull(redis, "redis must not be null");
		Assert.notNull(valueSerializer, "valueSerializer must not be null");
		Assert.notNull(mapper, "mapper must not be null");
		this.redis = redis;
		this.valueSerializer = valueSerializer;
		this.mapper = mapper;
	}

	/**
	 * A repository on a connection factory, reading sessions as {@link ScriptedRedisSessionRepository#on} does.
	 * @param connectionFactory the connection to Redis
	 * @param serializer the serializer of session values
	 * @return the repository, with Spring Session's default namespace and settings
	 */
	static ScriptedReactiveRedisSessionRepository on(ReactiveRedisConnectionFactory connectionFactory,
			RedisSerializer<Object> serializer) {
		Assert.notNull(connectionFactory, "connectionFactory must not be null");
		Assert.notNull(serializer, "serializer must not be null");
		RedisSerializationContext<String, Object> context = RedisSerializationContext
			.<String, Object>newSerializationContext(serializer)
			.key(RedisSerializer.string())
			.hashKey(RedisSerializer.string())
			.build();
		SessionTypeRefusals refusals = (serializer instanceof TolerantSessionSerializer tolerant) ? tolerant.refusals()
				: new SessionTypeRefusals(List.of());
		return new ScriptedReactiveRedisSessionRepository(new ReactiveRedisTemplate<>(connectionFactory, context),
				serializer, new TolerantSessionMapper(refusals));
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
	public Mono<RedisSession> createSession() {
		return Mono.deferContextual((context) -> Mono
			.just(new RedisSession(this.settings.newSession(), true, this.settings, request(context), false)));
	}

	/**
	 * Writes what changed; an existing session only while it still exists under the id it was loaded with.
	 * @return done, or an {@link IllegalStateException} when the session was deleted, or its id changed by another
	 * request, since it was loaded and it serves no request
	 */
	@Override
	public Mono<Void> save(RedisSession session) {
		return Mono.defer(() -> {
			PendingSave pending = session.pendingSave(true);
			if (pending.write() != null) {
				return SessionScripts.save(this.redis, this.valueSerializer, pending.write())
					.doOnNext((saved) -> session.written(pending.write(), saved))
					.then();
			}
			if (pending.lock() != null && pending.lockToken() != null) {
				return SessionScripts.release(this.redis, pending.lock(), pending.lockToken())
					.then(Mono.fromRunnable(session::lockReleased));
			}
			return Mono.empty();
		});
	}

	@Override
	public Mono<RedisSession> findById(String sessionId) {
		return Mono.deferContextual((context) -> {
			SessionRequest request = request(context);
			if (request == null) {
				return load(sessionId).map((loaded) -> new RedisSession(loaded, false, this.settings, null, false));
			}
			MapSession remembered = request.loaded(sessionId);
			if (remembered != null) {
				return Mono.just(new RedisSession(remembered, false, this.settings, request, false));
			}
			SessionLock lock = this.lock;
			boolean locked = lock != null && request.locks(sessionId);
			Mono<MapSession> loaded = (lock != null && locked) ? lockAndLoad(sessionId, request, lock)
					: load(sessionId);
			return loaded.doOnNext(request::remember)
				.map((session) -> new RedisSession(session, false, this.settings, request, locked));
		});
	}

	private Mono<MapSession> load(String sessionId) {
		return this.redis.<String, Object>opsForHash()
			.entries(this.settings.keys().session(sessionId))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.flatMap((entries) -> kept(sessionId, entries));
	}

	/**
	 * Takes the session's lock for the request, waiting on a timer while another request holds it, and loads the
	 * session.
	 */
	private Mono<MapSession> lockAndLoad(String sessionId, SessionRequest request, SessionLock lock) {
		return lock.lockAndLoad(this.redis, this.settings.keys(), sessionId, request)
			.flatMap((hash) -> kept(sessionId, StoredSession.decode(hash, this.valueSerializer)));
	}

	/**
	 * The session a hash holds, deleting it when it is not to be kept, and its fields that no replica can read.
	 */
	private Mono<MapSession> kept(String sessionId, Map<String, Object> entries) {
		StoredSession stored = StoredSession.read(sessionId, entries, this.mapper);
		if (stored.discard()) {
			return deleteById(sessionId).then(Mono.empty());
		}
		Mono<Void> cleared = stored.corruptFields().isEmpty() ? Mono.empty()
				: this.redis.opsForHash()
					.remove(this.settings.keys().session(sessionId), stored.corruptFields().toArray())
					.then();
		return cleared.then(Mono.justOrEmpty(stored.session()));
	}

	@Override
	public Mono<Void> deleteById(String sessionId) {
		return Mono.deferContextual((context) -> {
			SessionRequest request = request(context);
			if (request != null) {
				request.forget(sessionId);
				request.released(sessionId);
			}
			SessionKeys keys = this.settings.keys();
			// The lock too: whoever waits for it finds no session.
			return this.redis.delete(keys.session(sessionId), keys.lock(sessionId)).then();
		});
	}

	/**
	 * The sessions of a principal, from the index the save script keeps, which is the servlet repository's too;
	 * ids of sessions that ended meanwhile are removed from it, as {@link PrincipalIndex} does.
	 * @param indexName {@link #PRINCIPAL_NAME_INDEX_NAME}; any other index name finds nothing
	 * @param indexValue the principal's name
	 * @return the sessions by id
	 */
	@Override
	public Mono<Map<String, RedisSession>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			return Mono.just(Map.of());
		}
		ByteBuffer index = ByteBuffer.wrap(this.settings.keys().principalIndex(indexValue).getBytes(UTF_8));
		return Mono.deferContextual((context) -> {
			SessionRequest request = request(context);
			Map<String, RedisSession> sessions = new LinkedHashMap<>();
			List<ByteBuffer> ended = new ArrayList<>();
			return this.redis.execute((connection) -> connection.setCommands().sMembers(index.duplicate()))
				.concatMap((member) -> {
					String sessionId = UTF_8.decode(member.duplicate()).toString();
					return load(sessionId).map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext((session) -> {
						if (PrincipalIndex.belongsTo(session.orElse(null), indexValue)) {
							sessions.put(sessionId,
									new RedisSession(session.get(), false, this.settings, request, false));
						}
						else {
							ended.add(member);
						}
					});
				})
				.then(Mono.defer(() -> ended.isEmpty() ? Mono.empty()
						: this.redis.execute((connection) -> connection.setCommands().sRem(index.duplicate(), ended))
							.then()))
				.then(Mono.fromSupplier(() -> sessions));
		});
	}

	/**
	 * Releases the locks a request still holds when it ends: those of sessions it loaded but did not save.
	 * @param request the request
	 * @return done once released
	 */
	Mono<Void> releaseLocks(SessionRequest request) {
		return (this.lock != null) ? this.lock.releaseAll(this.redis, this.settings.keys(), request) : Mono.empty();
	}

	private static @Nullable SessionRequest request(ContextView context) {
		return context.getOrDefault(SessionRequest.class, null);
	}

}
