package dev.scaleout.session;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A WebFlux replica on {@link ScriptedReactiveRedisSessionRepository} and a servlet replica on
 * {@link ScriptedRedisSessionRepository} share sessions: each reads what the other wrote, changes it, renames it
 * and sees it deleted — the same scenarios as between Spring Session's blocking repository and ours, each call of
 * the reactive one awaited.
 */
class ReactiveSessionInteropTests extends ScriptedRedisSessionRepositoryInteropTests {

	@Override
	SessionRepository<Session> theirs(LettuceConnectionFactory connectionFactory, RedisSerializer<Object> serializer,
			String namespace) {
		ScriptedReactiveRedisSessionRepository sessions = ScriptedReactiveRedisSessionRepository.on(connectionFactory,
				serializer);
		sessions.setRedisKeyNamespace(namespace);
		return anySession(new Awaited<>(sessions));
	}

	/**
	 * The reactive repository's calls, awaited: the scenarios are written against the blocking contract.
	 */
	record Awaited<S extends Session>(ReactiveSessionRepository<S> reactive) implements SessionRepository<S> {

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
