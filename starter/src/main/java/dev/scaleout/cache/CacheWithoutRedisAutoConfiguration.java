package dev.scaleout.cache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizers;
import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration that keeps the application's {@code @Cacheable} caches where Spring Boot would put them without
 * the starter.
 * <p>
 * Spring Boot's {@link CacheAutoConfiguration}, when {@code spring.cache.type} is not set, takes the first cache
 * type whose conditions hold, and Redis comes before Caffeine and the simple in-memory map: once the starter puts a
 * {@link RedisConnectionFactory} in the context for sessions, every cache would silently move to Redis, with JDK
 * serialization and no expiry. So, with caching enabled, a Redis connection present and {@code spring.cache.type}
 * unset, this runs first and imports Spring Boot's own configuration of every cache type except Redis, with the two
 * beans {@link CacheAutoConfiguration} would add ({@link CacheProperties} and {@link CacheManagerCustomizers}); the
 * cache manager it creates makes {@link CacheAutoConfiguration} back off. {@code spring.cache.type=redis} gives
 * Spring Boot's Redis cache, as without the starter; an application's own {@link CacheManager} wins either way.
 */
@AutoConfiguration(before = CacheAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.couchbase.autoconfigure.DataCouchbaseAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ CacheManager.class, CacheAutoConfiguration.class, RedisConnectionFactory.class })
@ConditionalOnBean({ CacheAspectSupport.class, RedisConnectionFactory.class })
@ConditionalOnMissingBean(value = CacheManager.class, name = "cacheResolver")
@Conditional(OnAutomaticCacheType.class)
@EnableConfigurationProperties(CacheProperties.class)
@Import(CacheTypesExceptRedis.class)
public final class CacheWithoutRedisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CacheManagerCustomizers cacheManagerCustomizers(ObjectProvider<CacheManagerCustomizer<?>> customizers) {
		return new CacheManagerCustomizers(customizers.orderedStream().toList());
	}

}
