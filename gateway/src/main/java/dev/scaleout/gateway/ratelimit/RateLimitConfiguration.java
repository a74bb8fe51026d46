package dev.scaleout.gateway.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The optional cluster-wide rate limit, on when
 * {@code scaleout.gateway.rate-limit.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "scaleout.gateway.rate-limit.enabled", havingValue = "true")
public final class RateLimitConfiguration {

	@Bean
	RateLimitFilter rateLimitFilter(ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			RateLimitProperties properties, MeterRegistry registry) {
		return new RateLimitFilter(new RedisTokenBucket(redis, script, properties, registry));
	}

}
