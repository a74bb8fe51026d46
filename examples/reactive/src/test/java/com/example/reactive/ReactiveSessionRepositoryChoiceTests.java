package com.example.reactive;

import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.session.actuate.endpoint.ReactiveSessionsEndpoint;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveFindByIndexNameSessionRepository;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisIndexedSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

import dev.scaleout.session.RedisSessionAutoConfiguration;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which reactive session repository a WebFlux app gets: the starter's scripted one with Spring Boot's default
 * repository type, which also finds sessions by user, Spring Session's otherwise (the indexed type, a Redis Cluster),
 * the app's own when it defines one.
 */
class ReactiveSessionRepositoryChoiceTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, WebSessionIdResolverAutoConfiguration.class,
				SessionAutoConfiguration.class, SessionDataRedisAutoConfiguration.class,
				RedisSessionAutoConfiguration.class));

	@Test
	void theDefaultRepositoryTypeIsTheStartersScriptedRepository() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveSessionRepository.class).hasBean("sessionRequestWebFilter");
			assertThat(context.getBean(ReactiveSessionRepository.class).getClass().getSimpleName())
				.isEqualTo("ScriptedReactiveRedisSessionRepository");
		});
	}

	@Test
	void theStartersRepositoryFindsSessionsByUserForSpringBootsSessionsEndpoint() {
		this.runner.withConfiguration(AutoConfigurations.of(SessionsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sessions")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveFindByIndexNameSessionRepository.class)
					.hasSingleBean(ReactiveSessionsEndpoint.class);
				assertThat(context.getBean(ReactiveFindByIndexNameSessionRepository.class))
					.isSameAs(context.getBean(ReactiveSessionRepository.class));
			});
	}

	@Test
	void theIndexedRepositoryTypeKeepsSpringSessions() {
		// Spring Session's indexed repository talks to Redis as it starts.
		this.runner.withPropertyValues(TestRedis.shared().springProperties())
			.withPropertyValues("spring.session.data.redis.repository-type=indexed")
			.run((context) -> assertThat(context).hasSingleBean(ReactiveRedisIndexedSessionRepository.class)
				.doesNotHaveBean("sessionRequestWebFilter"));
	}

	@Test
	void aRedisClusterKeepsSpringSessionsRepository() {
		this.runner.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000")
			.run((context) -> assertThat(context).hasSingleBean(ReactiveRedisSessionRepository.class)
				.doesNotHaveBean("sessionRequestWebFilter"));
	}

	@Test
	void sessionLocksOnARedisClusterFailStartupNamingTheProperty() {
		// Spring Session's reactive repository, kept on a Redis Cluster, takes no lock.
		this.runner
			.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000", "scaleout.session.lock.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasMessageContaining("scaleout.session.lock.enabled")
					.hasMessageContaining(ReactiveRedisSessionRepository.class.getName());
			});
	}

	@Test
	void anAppsOwnRepositoryIsKept() {
		this.runner.withUserConfiguration(OwnRepository.class)
			.run((context) -> assertThat(context).hasSingleBean(ReactiveSessionRepository.class)
				.hasSingleBean(ReactiveMapSessionRepository.class)
				.doesNotHaveBean("sessionRequestWebFilter"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRepository {

		@Bean
		ReactiveMapSessionRepository sessionRepository() {
			return new ReactiveMapSessionRepository(new ConcurrentHashMap<>());
		}

	}

}
