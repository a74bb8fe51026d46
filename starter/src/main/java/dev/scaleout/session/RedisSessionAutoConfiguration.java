package dev.scaleout.session;

import java.util.ArrayList;
import java.util.List;

import dev.scaleout.report.ReplicationCheck;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;
import org.springframework.session.config.annotation.web.server.SpringWebSessionConfiguration;
import org.springframework.session.data.redis.config.annotation.SpringSessionRedisConnectionFactory;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Auto-configuration that makes Spring Session Data Redis fit for many replicas: session attributes stored as JSON
 * instead of JDK serialization (readable with {@code redis-cli}, safe to deserialize, shared by replicas running
 * different builds), a value no replica could read never written, an unreadable attribute dropped alone instead of
 * a 500 or a lost login, each refused type in the replication report, and a Redis outage answered with a quick 503
 * instead of a slow 500.
 * <p>
 * Spring Boot's own {@link SessionDataRedisAutoConfiguration} still creates the session repository; this
 * contributes the {@value #SERIALIZER_BEAN_NAME} bean it picks up. Define a bean of that name to use another
 * format.
 * <p>
 * With Spring Boot's default repository type, the repository is a {@link ScriptedRedisSessionRepository}: the same
 * keys and format as Spring Session's, but a request that changes the session costs two Redis round trips instead
 * of four and one that only reads it one; sessions can be found by user; and, with
 * {@code scaleout.session.lock.enabled}, the writing requests of one session run one at a time.
 * {@code spring.session.data.redis.repository-type=indexed} or a {@link SessionRepository} bean of your own turns
 * it off.
 * In a WebFlux app the repository is its reactive twin, {@link ScriptedReactiveRedisSessionRepository}, with the
 * same costs, lock and format, so servlet and WebFlux replicas share sessions; a {@link ReactiveSessionRepository}
 * bean of your own, the indexed type, or a Redis Cluster keeps Spring Session's.
 *
 * @see RedisSessionProperties
 */
@AutoConfiguration(before = SessionDataRedisAutoConfiguration.class, after = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ RedisSessionRepository.class, GenericJacksonJsonRedisSerializer.class })
@EnableConfigurationProperties(RedisSessionProperties.class)
public final class RedisSessionAutoConfiguration {

	/**
	 * The bean name under which Spring Session Data Redis looks for the serializer of session attributes.
	 */
	public static final String SERIALIZER_BEAN_NAME = "springSessionDefaultRedisSerializer";

	@Bean(SERIALIZER_BEAN_NAME)
	@ConditionalOnMissingBean(name = SERIALIZER_BEAN_NAME)
	RedisSerializer<Object> springSessionDefaultRedisSerializer(RedisSessionProperties properties,
			BeanFactory beanFactory) {
		return new TolerantSessionSerializer(
				SessionJson.serializer(getClass().getClassLoader(), trustedPackages(properties, beanFactory),
						properties.json().toConstraints()),
				properties.trustedPackages());
	}

	/**
	 * What the replication report says about sessions: how they are stored, the types refused, the session-scoped
	 * beans.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "sessionReplicationCheck")
	ReplicationCheck sessionReplicationCheck(ConfigurableListableBeanFactory beanFactory, Environment environment,
			RedisSessionProperties properties, @Qualifier(SERIALIZER_BEAN_NAME) RedisSerializer<Object> serializer) {
		String namespace = Binder.get(environment)
			.bindOrCreate("spring.session.data.redis", SessionDataRedisProperties.class)
			.getNamespace();
		return new SessionReplicationCheck(beanFactory, namespace, trustedPackages(properties, beanFactory),
				(serializer instanceof TolerantSessionSerializer tolerant) ? tolerant : null);
	}

	/**
	 * Session locks that no repository would take fail the start, naming the property.
	 */
	@Bean
	@ConditionalOnProperty(name = SessionLockRequiresScriptedRepository.PROPERTY, havingValue = "true")
	static SessionLockRequiresScriptedRepository sessionLockRequiresScriptedRepository(
			ConfigurableListableBeanFactory beanFactory) {
		return new SessionLockRequiresScriptedRepository(beanFactory);
	}

	/**
	 * The packages trusted besides the JDK's and Spring's types: the application's own, and those configured.
	 */
	private static List<String> trustedPackages(RedisSessionProperties properties, BeanFactory beanFactory) {
		List<String> trusted = new ArrayList<>();
		if (AutoConfigurationPackages.has(beanFactory)) {
			trusted.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		trusted.addAll(properties.trustedPackages());
		return trusted;
	}

	/**
	 * The default repository type is {@link ScriptedRedisSessionRepository}, which reads through a
	 * {@link TolerantSessionMapper} itself; the indexed one gets it here.
	 */
	@Bean
	SessionRepositoryCustomizer<RedisIndexedSessionRepository> tolerantIndexedSessionRepositoryCustomizer(
			@Qualifier(SERIALIZER_BEAN_NAME) RedisSerializer<Object> serializer,
			RedisSessionProperties properties) {
		SessionTypeRefusals refusals = (serializer instanceof TolerantSessionSerializer tolerant) ? tolerant.refusals()
				: new SessionTypeRefusals(properties.trustedPackages());
		return (repository) -> repository.setRedisSessionMapper(new TolerantSessionMapper(refusals));
	}

	/**
	 * While the connection to Redis is down, commands fail at once instead of queueing until their timeout, so a
	 * request that needs the session answers 503 in milliseconds and request threads are not tied up.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.lettuce.core.ClientOptions")
	static class LettuceFailFastConfiguration {

		@Bean
		LettuceClientOptionsBuilderCustomizer failFastWhileDisconnectedCustomizer() {
			return (options) -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
		}

	}

	/**
	 * Takes the place of Spring Boot's default Redis session repository (which then backs off), configured from
	 * the same {@code spring.session.*} and {@code server.servlet.session.*} properties.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnMissingBean(SessionRepository.class)
	@ConditionalOnProperty(name = "spring.session.data.redis.repository-type", havingValue = "default",
			matchIfMissing = true)
	@EnableConfigurationProperties(SessionDataRedisProperties.class)
	@Import(SpringHttpSessionConfiguration.class)
	static class ScriptedSessionRepositoryConfiguration {

		@Bean
		ScriptedRedisSessionRepository sessionRepository(RedisConnectionFactory connectionFactory,
				@SpringSessionRedisConnectionFactory ObjectProvider<RedisConnectionFactory> sessionConnectionFactory,
				@Qualifier(SERIALIZER_BEAN_NAME) RedisSerializer<Object> serializer,
				SessionDataRedisProperties properties, RedisSessionProperties scaleoutProperties,
				ObjectProvider<SessionTimeout> sessionTimeout, ObjectProvider<SessionIdGenerator> sessionIdGenerator,
				ObjectProvider<MeterRegistry> meters) {
			ScriptedRedisSessionRepository repository = configured(
					ScriptedRedisSessionRepository.on(sessionConnectionFactory.getIfAvailable(() -> connectionFactory),
							serializer),
					properties, scaleoutProperties, sessionTimeout, sessionIdGenerator, meters);
			PropertyMapper.get().from(properties::getFlushMode).to(repository::setFlushMode);
			return repository;
		}

		@Bean
		SessionRequestFilter sessionRequestFilter(ScriptedRedisSessionRepository repository,
				RedisSessionProperties properties) {
			return new SessionRequestFilter(repository, properties.lock().enabled());
		}

	}

	/**
	 * A WebFlux app's session cookie and its 503 on Redis trouble match the servlet replicas'.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveSessionStoreConfiguration {

		@Bean
		static SessionCookieCodec sessionCookieCodec() {
			return new SessionCookieCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		SessionStoreUnavailableWebFilter sessionStoreUnavailableWebFilter(RedisSessionProperties properties) {
			return new SessionStoreUnavailableWebFilter(properties.retryAfter());
		}

	}

	/**
	 * Takes the place of Spring Boot's default reactive Redis session repository (which then backs off) in a WebFlux
	 * app, configured from the same properties as the servlet one. Not on a Redis Cluster
	 * ({@code spring.data.redis.cluster.nodes}), where Spring Boot's stays.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.session.config.annotation.web.server.SpringWebSessionConfiguration")
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	@ConditionalOnMissingBean(ReactiveSessionRepository.class)
	@ConditionalOnProperty(name = "spring.session.data.redis.repository-type", havingValue = "default",
			matchIfMissing = true)
	@Conditional(NotOnRedisCluster.class)
	@EnableConfigurationProperties(SessionDataRedisProperties.class)
	@Import(SpringWebSessionConfiguration.class)
	static class ScriptedReactiveSessionRepositoryConfiguration {

		@Bean
		ScriptedReactiveRedisSessionRepository reactiveSessionRepository(
				ReactiveRedisConnectionFactory connectionFactory,
				@Qualifier(SERIALIZER_BEAN_NAME) RedisSerializer<Object> serializer,
				SessionDataRedisProperties properties, RedisSessionProperties scaleoutProperties,
				ObjectProvider<SessionTimeout> sessionTimeout, ObjectProvider<SessionIdGenerator> sessionIdGenerator,
				ObjectProvider<MeterRegistry> meters) {
			if (connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware()) {
				throw new IllegalStateException("The starter's reactive session repository does not support a Redis "
						+ "Cluster; set spring.session.data.redis.repository-type=indexed, or configure the cluster "
						+ "with spring.data.redis.cluster.nodes so that Spring Session's repository is used");
			}
			return configured(ScriptedReactiveRedisSessionRepository.on(connectionFactory, serializer), properties,
					scaleoutProperties, sessionTimeout, sessionIdGenerator, meters);
		}

		@Bean
		SessionRequestWebFilter sessionRequestWebFilter(ScriptedReactiveRedisSessionRepository repository,
				RedisSessionProperties properties) {
			return new SessionRequestWebFilter(repository, properties.lock().enabled());
		}

	}

	/**
	 * A scripted repository, servlet or reactive, configured from Spring Session's {@code spring.session.*} and
	 * {@code server.*.session.*} properties and the starter's {@code scaleout.session.*}.
	 */
	static <R extends ScriptedSessionStore> R configured(R repository, SessionDataRedisProperties properties,
			RedisSessionProperties scaleoutProperties, ObjectProvider<SessionTimeout> sessionTimeout,
			ObjectProvider<SessionIdGenerator> sessionIdGenerator, ObjectProvider<MeterRegistry> meters) {
		PropertyMapper map = PropertyMapper.get();
		map.from(sessionTimeout.getIfAvailable()).as(SessionTimeout::getTimeout)
			.to(repository::setDefaultMaxInactiveInterval);
		map.from(properties::getNamespace).to(repository::setRedisKeyNamespace);
		map.from(properties::getSaveMode).to(repository::setSaveMode);
		map.from(sessionIdGenerator.getIfAvailable()).to(repository::setSessionIdGenerator);
		map.from(scaleoutProperties::touchInterval).to(repository::setTouchInterval);
		RedisSessionProperties.Lock lock = scaleoutProperties.lock();
		if (lock.enabled()) {
			repository.setLock(new SessionLock(lock.timeout(), lock.lease(), scaleoutProperties.retryAfter(),
					meters.getIfAvailable()));
		}
		return repository;
	}

	/**
	 * Matches unless Spring Boot connects to a Redis Cluster.
	 */
	static final class NotOnRedisCluster extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Redis Cluster");
			if (context.getEnvironment().containsProperty("spring.data.redis.cluster.nodes")) {
				return ConditionOutcome.noMatch(message.found("property").items("spring.data.redis.cluster.nodes"));
			}
			return ConditionOutcome.match(message.didNotFind("property").items("spring.data.redis.cluster.nodes"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletSessionStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SessionStoreUnavailableFilter sessionStoreUnavailableFilter(RedisSessionProperties properties) {
			return new SessionStoreUnavailableFilter(properties.retryAfter());
		}

		@Bean
		@ConditionalOnClass(SessionFlashMapManager.class)
		static CookieGuardedFlashMapManager.Installer cookieGuardedFlashMapManagerInstaller() {
			return new CookieGuardedFlashMapManager.Installer();
		}

	}

}
