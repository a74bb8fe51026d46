package dev.scaleout.session;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

/**
 * A WebFlux replica on Spring Session's {@link ReactiveRedisSessionRepository}, as Spring Boot configures it with
 * the starter's serializer (what a WebFlux app keeps on a Redis Cluster), and a servlet replica on
 * {@link ScriptedRedisSessionRepository} share sessions: the same scenarios as with the blocking repository, each
 * call of the reactive one awaited.
 */
class SpringReactiveSessionInteropTests extends ScriptedRedisSessionRepositoryInteropTests {

	@Override
	SessionRepository<Session> theirs(LettuceConnectionFactory connectionFactory, RedisSerializer<Object> serializer,
			String namespace) {
		RedisSerializationContext<String, Object> context = RedisSerializationContext
			.<String, Object>newSerializationContext(serializer)
			.key(RedisSerializer.string())
			.hashKey(RedisSerializer.string())
			.build();
		ReactiveRedisSessionRepository sessions = new ReactiveRedisSessionRepository(
				new ReactiveRedisTemplate<>(connectionFactory, context));
		sessions.setRedisKeyNamespace(namespace);
		return anySession(new ReactiveSessionInteropTests.Awaited<>(sessions));
	}

}
