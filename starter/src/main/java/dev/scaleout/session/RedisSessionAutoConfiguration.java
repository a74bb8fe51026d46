package dev.scaleout.session;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Auto-configuration that makes Spring Session Data Redis fit for many replicas: session attributes stored as JSON
 * instead of JDK serialization (readable with {@code redis-cli}, safe to deserialize, shared by replicas running
 * different builds), an unreadable session treated as no session instead of a 500, and a Redis outage answered
 * with a quick 503 instead of a slow 500.
 * <p>
 * Spring Boot's own {@link SessionDataRedisAutoConfiguration} still creates the session repository; this
 * contributes the {@value #SERIALIZER_BEAN_NAME} bean it picks up. Define a bean of that name to use another
 * format.
 *
 * @see RedisSessionProperties
 */
@AutoConfiguration(before = SessionDataRedisAutoConfiguration.class)
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
		List<String> trusted = new ArrayList<>(properties.trustedPackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			trusted.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		return new TolerantSessionSerializer(SessionJson.serializer(getClass().getClassLoader(), trusted));
	}

	@Bean
	SessionRepositoryCustomizer<RedisSessionRepository> tolerantSessionRepositoryCustomizer() {
		return (repository) -> repository.setRedisSessionMapper(new TolerantSessionMapper());
	}

	@Bean
	SessionRepositoryCustomizer<RedisIndexedSessionRepository> tolerantIndexedSessionRepositoryCustomizer() {
		return (repository) -> repository.setRedisSessionMapper(new TolerantSessionMapper());
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
