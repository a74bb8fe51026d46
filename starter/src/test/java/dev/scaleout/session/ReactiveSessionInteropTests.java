package dev.scaleout.session;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

/**
 * A WebFlux replica (Spring Session's {@link ReactiveRedisSessionRepository}, as Spring Boot
 * configures it, with the starter's serializer) and a servlet replica on
 * {@link ScriptedRedisSessionRepository} share sessions: the same scenarios as with the
 * blocking repository, each call of the reactive one awaited.
 */
class ReactiveSessionInteropTests extends ScriptedRedisSessionRepositoryInteropTests {

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
		return anySession(new Awaited<>(sessions));
	}

	/**
	 * The reactive repository's calls, awaited: the scenarios are written against the blocking contract.
	 */
	private record Awaited<S extends Session>(ReactiveSessionRepository<S> reactive) implements SessionRepository<S> {

		@Override
		public S createSession() {
			return this.reactive.createSession().block();
		}

		@Override
		public void save(S session) {
			this.reactive.save(session).block();
		}

		@Override
		public S findById(String id) {
			return this.reactive.findById(id).block();
		}

		@Override
		public void deleteById(String id) {
			this.reactive.deleteById(id).block();
		}

	}

}
