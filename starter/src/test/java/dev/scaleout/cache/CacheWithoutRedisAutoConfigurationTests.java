package dev.scaleout.cache;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.cache.CacheType;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with {@code @EnableCaching} and a Redis connection (the starter's, for sessions) gets the cache
 * manager Spring Boot would give it without that connection.
 */
class CacheWithoutRedisAutoConfigurationTests {

	/**
	 * The test class path has a JCache provider (Caffeine's), which Spring Boot prefers to Caffeine itself: hidden
	 * here, so that these tests see what an application with Caffeine alone sees.
	 */
	private static final String JCACHE = "javax.cache.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader(JCACHE))
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CacheWithoutRedisAutoConfiguration.class, CacheAutoConfiguration.class))
		.withPropertyValues(TestRedis.shared().springProperties())
		.withUserConfiguration(CachingApplication.class);

	@Test
	void withCaffeineOnTheClassPathCachesAreCaffeines() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			assertThat(context).getBean(CacheManager.class).isExactlyInstanceOf(CaffeineCacheManager.class);
		});
	}

	@Test
	void withoutItSpringBootWouldMoveEveryCacheToRedis() {
		new ApplicationContextRunner().withClassLoader(new FilteredClassLoader(JCACHE))
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CacheAutoConfiguration.class))
			.withUserConfiguration(CachingApplication.class)
			.run((context) -> assertThat(context).getBean(CacheManager.class)
				.isExactlyInstanceOf(RedisCacheManager.class));
	}

	@Test
	void inAWholeApplicationOnTheStarterCachesAreWhereSpringBootPutsThemWithoutRedis() {
		try (RunningApp app = RunningApp.start(CachingWebApplication.class)) {
			assertThat(app.bean(RedisConnectionFactory.class)).isNotNull();
			// The test class path has Caffeine's JCache provider, Spring Boot's first choice after its own beans.
			assertThat(app.bean(CacheManager.class)).isExactlyInstanceOf(JCacheCacheManager.class);
		}
	}

	@Test
	void withoutCaffeineCachesAreTheSimpleInMemoryMaps() {
		this.runner
			.withClassLoader(new FilteredClassLoader((name) -> name.startsWith(JCACHE) || name.equals(Caffeine.class.getName())))
			.run((context) -> assertThat(context).getBean(CacheManager.class)
				.isExactlyInstanceOf(ConcurrentMapCacheManager.class));
	}

	@Test
	void cacheBeansOfTheApplicationsStillComeFirst() {
		this.runner.withBean("orders", Cache.class, () -> new ConcurrentMapCache("orders"))
			.run((context) -> assertThat(context).getBean(CacheManager.class)
				.isExactlyInstanceOf(SimpleCacheManager.class));
	}

	@Test
	void redisWhenTheApplicationAsksForIt() {
		this.runner.withPropertyValues("spring.cache.type=redis").run((context) -> {
			assertThat(context).getBean(CacheManager.class).isExactlyInstanceOf(RedisCacheManager.class);
			context.getBean(CacheManager.class).getCache("scaleout-cache-test").put("answer", "42");
			// Spring Data Redis 4's cache writer sends a put without waiting for Redis (asynchronous with Lettuce).
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(TestRedis.shared().command("EXISTS", "scaleout-cache-test::answer"))
					.isEqualTo("1"));
		});
	}

	@Test
	void anyCacheTypeTheApplicationNamesIsSpringBootsToGive() {
		this.runner.withPropertyValues("spring.cache.type=simple")
			.run((context) -> assertThat(context).getBean(CacheManager.class)
				.isExactlyInstanceOf(ConcurrentMapCacheManager.class));
	}

	@Test
	void theApplicationsOwnCacheManagerWins() {
		this.runner.withBean(CacheManager.class, () -> new ConcurrentMapCacheManager("own"))
			.run((context) -> assertThat(context).getBean(CacheManager.class)
				.isExactlyInstanceOf(ConcurrentMapCacheManager.class)
				.satisfies((manager) -> assertThat(manager.getCacheNames()).containsExactly("own")));
	}

	@Test
	void springBootsCacheSettingsAndCustomizersApply() {
		AtomicInteger customized = new AtomicInteger();
		this.runner
			.withPropertyValues("spring.cache.cache-names=orders,prices", "spring.cache.caffeine.spec=maximumSize=10")
			.withBean(CacheManagerCustomizer.class,
					() -> (CacheManagerCustomizer<CaffeineCacheManager>) (manager) -> customized.incrementAndGet())
			.run((context) -> {
				assertThat(context.getBean(CacheManager.class).getCacheNames()).containsExactlyInAnyOrder("orders",
						"prices");
				assertThat(customized).hasValue(1);
				Object orders = context.getBean(CacheManager.class).getCache("orders").getNativeCache();
				assertThat(((com.github.benmanes.caffeine.cache.Cache<?, ?>) orders).policy().eviction())
					.hasValueSatisfying((eviction) -> assertThat(eviction.getMaximum()).isEqualTo(10));
			});
	}

	@Test
	void withoutARedisConnectionSpringBootChoosesAlone() {
		new ApplicationContextRunner().withClassLoader(new FilteredClassLoader(JCACHE))
			.withConfiguration(AutoConfigurations.of(CacheWithoutRedisAutoConfiguration.class,
					CacheAutoConfiguration.class))
			.withUserConfiguration(CachingApplication.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CacheWithoutRedisAutoConfiguration.class);
				assertThat(context).getBean(CacheManager.class).isExactlyInstanceOf(CaffeineCacheManager.class);
			});
	}

	@Test
	void importsWhatSpringBootsCacheAutoConfigurationImportsExceptRedis() throws Exception {
		List<String> springBoots = new ArrayList<>(Arrays.asList(springBootsCacheTypeImports()));
		String redis = CacheTypesExceptRedis.CONFIGURATIONS.get(CacheType.REDIS);
		assertThat(springBoots).contains(redis);
		springBoots.remove(redis);
		springBoots.add(CacheTypesExceptRedis.ENTITY_MANAGER_DEPENDS_ON);
		assertThat(CacheTypesExceptRedis.imports()).containsExactlyElementsOf(springBoots);
		assertThat(new ClassPathResource(CacheTypesExceptRedis.ENTITY_MANAGER_DEPENDS_ON.replace('.', '/') + ".class"))
			.satisfies((configuration) -> assertThat(configuration.exists()).isTrue());
	}

	private static String[] springBootsCacheTypeImports() throws Exception {
		Class<?> selector = Class
			.forName("org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration$CacheConfigurationImportSelector");
		Constructor<?> constructor = selector.getDeclaredConstructor();
		constructor.setAccessible(true);
		return ((ImportSelector) constructor.newInstance()).selectImports(AnnotationMetadata.introspect(Object.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableCaching
	static class CachingWebApplication {

	}

}
