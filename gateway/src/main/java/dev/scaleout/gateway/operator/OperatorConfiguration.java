package dev.scaleout.gateway.operator;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The operator settings store (Redis or memory) and the control over it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
public final class OperatorConfiguration {

	/** Any of these set means the deployment has a Redis of its own to share. */
	private static final List<String> REDIS_SETTINGS = List.of("spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes");

	@Bean
	OperatorSettingsStore operatorSettingsStore(OperatorProperties properties, Environment environment,
			ObjectProvider<ReactiveStringRedisTemplate> redis) {
		boolean useRedis = switch (properties.store()) {
			case REDIS -> true;
			case MEMORY -> false;
			case AUTO -> REDIS_SETTINGS.stream().anyMatch(environment::containsProperty);
		};
		return useRedis ? new RedisOperatorSettings(redis.getObject(), properties.refreshInterval())
				: new InMemoryOperatorSettings();
	}

	@Bean
	OperatorControl operatorControl(OperatorSettingsStore store, Clock clock) {
		return new OperatorControl(store, clock);
	}

}
