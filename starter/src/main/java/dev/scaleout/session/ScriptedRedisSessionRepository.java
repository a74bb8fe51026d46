package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.scaleout.session.UnreadableValue.Cause;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * A Redis session repository that needs two round trips per request instead of four: one {@code HGETALL} to
 * load the session and one script that writes it. Spring Session's {@code RedisSessionRepository} saves an
 * existing session with {@code EXISTS} (so that a session invalidated meanwhile is not brought back), then
 * {@code HMSET}, then {@code PEXPIREAT}; here the three run inside one Lua script, atomically, with the same
 * guarantee.
 * <p>
 * Keys, hash fields and values are those of Spring Session's repository ({@code <namespace>:sessions:<id>},
 * {@code creationTime}, {@code lastAccessedTime}, {@code maxInactiveInterval}, {@code sessionAttr:<name>}), so
 * replicas running either repository share sessions.
 */
final class ScriptedRedisSessionRepository implements SessionRepository<ScriptedRedisSessionRepository.RedisSession> {

	/**
	 * ARGV[1]: 1 for a new session (written unconditionally), 0 for an existing one (written only while its key
	 * exists); ARGV[2]: expiry in epoch milliseconds; the rest: hash field and value pairs.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			if ARGV[1] == '0' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			redis.call('PEXPIREAT', KEYS[1], ARGV[2])
			return 1""", Long.class);

	private static final byte[] NO_VALUE = new byte[0];

	// Spring Session's hash fields (RedisSessionMapper's constants, which are not public).
	private static final String CREATION_TIME = "creationTime";

	private static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	private static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	private static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private final RedisOperations<String, Object> redis;

	private final RedisSerializer<Object> valueSerializer;

	private final BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper;

	private String keyPrefix = "spring:session:sessions:";

	private Duration defaultMaxInactiveInterval = Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS);

	private FlushMode flushMode = FlushMode.ON_SAVE;

	private SaveMode saveMode = SaveMode.ON_SET_ATTRIBUTE;

	private SessionIdGenerator sessionIdGenerator = UuidSessionIdGenerator.getInstance();

	/**
	 * @param redis operations with string keys and hash keys whose default serializer writes session values
	 * @param valueSerializer the serializer of session values, the same as the operations' default
	 * @param mapper turns a session hash into a session, or {@code null} for one that must be discarded
	 */
	ScriptedRedisSessionRepository(RedisOperations<String, Object> redis, RedisSerializer<Object> valueSerializer,
			BiFunction<String, Map<String, Object>, @Nullable MapSession> mapper) {
		this.redis = redis;
		this.valueSerializer = valueSerializer;
		this.mapper = mapper;
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
		this.keyPrefix = namespace.trim() + ":sessions:";
	}

	void setDefaultMaxInactiveInterval(Duration interval) {
		this.defaultMaxInactiveInterval = interval;
	}

	void setFlushMode(FlushMode flushMode) {
		this.flushMode = flushMode;
	}

	void setSaveMode(SaveMode saveMode) {
		this.saveMode = saveMode;
	}

	void setSessionIdGenerator(SessionIdGenerator sessionIdGenerator) {
		this.sessionIdGenerator = sessionIdGenerator;
	}

	@Override
	public RedisSession createSession() {
		MapSession cached = new MapSession(this.sessionIdGenerator);
		cached.setMaxInactiveInterval(this.defaultMaxInactiveInterval);
		RedisSession session = new RedisSession(cached, true);
		session.flushIfRequired();
		return session;
	}

	@Override
	public void save(RedisSession session) {
		session.save();
	}

	@Override
	public @Nullable RedisSession findById(String sessionId) {
		Map<String, Object> entries = this.redis.<String, Object>opsForHash().entries(key(sessionId));
		if (entries.isEmpty()) {
			return null;
		}
		MapSession session = this.mapper.apply(sessionId, entries);
		if (session == null || session.isExpired()) {
			deleteById(sessionId);
			return null;
		}
		RedisSession found = new RedisSession(session, false);
		entries.forEach((field, value) -> {
			// The next save clears what no replica can read; another build may read a class this one lacks.
			if (value instanceof UnreadableValue unreadable && unreadable.cause() != Cause.MISSING_CLASS) {
				found.delta.put(field, null);
			}
		});
		return found;
	}

	@Override
	public void deleteById(String sessionId) {
		this.redis.delete(key(sessionId));
	}

	private String key(String sessionId) {
		return this.keyPrefix + sessionId;
	}

	private void write(String sessionId, boolean isNew, Instant expiresAt, Map<String, @Nullable Object> delta) {
		List<Object> args = new ArrayList<>(2 + 2 * delta.size());
		args.add(utf8(isNew ? "1" : "0"));
		args.add(utf8(Long.toString(expiresAt.toEpochMilli())));
		delta.forEach((field, value) -> {
			args.add(utf8(field));
			byte[] bytes = serialize(field, value);
			args.add((bytes != null) ? bytes : NO_VALUE);
		});
		Long written = this.redis.execute(SAVE, RedisSerializer.byteArray(), new GenericToStringSerializer<>(Long.class),
				List.of(key(sessionId)), args.toArray());
		if (written == null || written == 0) {
			throw new IllegalStateException("Session was invalidated");
		}
	}

	private byte @Nullable [] serialize(String field, @Nullable Object value) {
		if (this.valueSerializer instanceof TolerantSessionSerializer tolerant && field.startsWith(ATTRIBUTE_PREFIX)) {
			return tolerant.serialize(field.substring(ATTRIBUTE_PREFIX.length()), value);
		}
		return this.valueSerializer.serialize(value);
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A session that records what changed, so that a save writes only the changed fields.
	 */
	final class RedisSession implements Session {

		private final MapSession cached;

		private final Map<String, @Nullable Object> delta = new HashMap<>();

		private boolean isNew;

		private String originalSessionId;

		RedisSession(MapSession cached, boolean isNew) {
			this.cached = cached;
			this.isNew = isNew;
			this.originalSessionId = cached.getId();
			if (isNew) {
				this.delta.put(CREATION_TIME, cached.getCreationTime().toEpochMilli());
				this.delta.put(MAX_INACTIVE_INTERVAL,
						(int) cached.getMaxInactiveInterval().getSeconds());
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
			this.delta.put(LAST_ACCESSED_TIME, getLastAccessedTime().toEpochMilli());
			flushIfRequired();
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
				save();
			}
		}

		private void save() {
			if (!getId().equals(this.originalSessionId)) {
				if (!this.isNew) {
					ScriptedRedisSessionRepository.this.redis.rename(key(this.originalSessionId), key(getId()));
				}
				this.originalSessionId = getId();
			}
			if (this.delta.isEmpty()) {
				return;
			}
			Instant expiresAt = getLastAccessedTime().plus(getMaxInactiveInterval());
			write(getId(), this.isNew, expiresAt, this.delta);
			this.delta.clear();
			this.isNew = false;
		}

		private static String attributeKey(String attributeName) {
			return ATTRIBUTE_PREFIX + attributeName;
		}

	}

}
