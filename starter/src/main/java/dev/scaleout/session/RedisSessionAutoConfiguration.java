package dev.scaleout.session;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Auto-configuration that stores Spring Session attributes in Redis as JSON instead of JDK serialization: readable
 * with {@code redis-cli}, safe to deserialize, and shared by replicas running different builds of the same app.
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
		return SessionJson.serializer(getClass().getClassLoader(), trusted);
	}

}
