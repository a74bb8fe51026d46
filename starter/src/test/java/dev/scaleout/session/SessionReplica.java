package dev.scaleout.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.scaleout.test.redis.TestRedis;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One replica's view of the sessions in a real Redis: its own connection, its own session format (built as the
 * auto-configuration builds it) and its own repository, so that what one writes another reads as it would in
 * production.
 */
final class SessionReplica implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final TolerantSessionSerializer serializer;

	private final ScriptedRedisSessionRepository repository;

	private SessionReplica(TestRedis redis, String namespace, List<String> trustedPackages) {
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redis.host(), redis.port()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.serializer = new TolerantSessionSerializer(
				SessionJson.serializer(SessionReplica.class.getClassLoader(), trustedPackages), trustedPackages);
		this.repository = ScriptedRedisSessionRepository.on(this.connectionFactory, this.serializer);
		this.repository.setRedisKeyNamespace(namespace);
		this.repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
	}

	/**
	 * A replica trusting the given packages besides the JDK's and Spring's types.
	 */
	static SessionReplica start(TestRedis redis, String namespace, String... trustedPackages) {
		return new SessionReplica(redis, namespace, List.of(trustedPackages));
	}

	/**
	 * Stores a new session with these attributes, as a request that sets them would.
	 * @return the session, still holding every attribute in memory
	 */
	RedisSession write(Map<String, ?> attributes) {
		RedisSession session = this.repository.createSession();
		attributes.forEach(session::setAttribute);
		this.repository.save(session);
		return session;
	}

	RedisSession read(String sessionId) {
		return this.repository.findById(sessionId);
	}

	void save(RedisSession session) {
		this.repository.save(session);
	}

	SessionTypeRefusals refusals() {
		return this.serializer.refusals();
	}

	TolerantSessionSerializer serializer() {
		return this.serializer;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
