package dev.scaleout.cache;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.cache.CacheType;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports Spring Boot's own configuration of each cache type, in Spring Boot's order of preference, except Redis:
 * what Spring Boot's {@code CacheAutoConfiguration} imports, less one. Each is still subject to its own conditions
 * (a {@code javax.cache} provider, a {@code HazelcastInstance}, Caffeine on the class path, and so on); the first
 * that matches creates the cache manager, and the simple in-memory one always matches last.
 */
class CacheTypesExceptRedis implements ImportSelector {

	private static final String PACKAGE = "org.springframework.boot.cache.autoconfigure.";

	/**
	 * Spring Boot's configuration class of each type (its package-private {@code CacheConfigurations}).
	 */
	static final Map<CacheType, String> CONFIGURATIONS = configurations();

	/**
	 * Adds {@code depends-on} from the JPA entity manager factory to the cache manager, as Spring Boot does.
	 */
	static final String ENTITY_MANAGER_DEPENDS_ON = PACKAGE
			+ "CacheAutoConfiguration$CacheManagerEntityManagerFactoryDependsOnConfiguration";

	@Override
	public String[] selectImports(AnnotationMetadata importingClassMetadata) {
		return imports().toArray(String[]::new);
	}

	static List<String> imports() {
		List<String> imports = new ArrayList<>();
		for (CacheType type : CacheType.values()) {
			if (type != CacheType.REDIS && CONFIGURATIONS.containsKey(type)) {
				imports.add(CONFIGURATIONS.get(type));
			}
		}
		imports.add(ENTITY_MANAGER_DEPENDS_ON);
		return imports;
	}

	private static Map<CacheType, String> configurations() {
		Map<CacheType, String> configurations = new EnumMap<>(CacheType.class);
		configurations.put(CacheType.GENERIC, PACKAGE + "GenericCacheConfiguration");
		configurations.put(CacheType.JCACHE, PACKAGE + "JCacheCacheConfiguration");
		configurations.put(CacheType.HAZELCAST, PACKAGE + "HazelcastCacheConfiguration");
		configurations.put(CacheType.COUCHBASE, PACKAGE + "CouchbaseCacheConfiguration");
		configurations.put(CacheType.INFINISPAN, PACKAGE + "InfinispanCacheConfiguration");
		configurations.put(CacheType.REDIS, PACKAGE + "RedisCacheConfiguration");
		configurations.put(CacheType.CACHE2K, PACKAGE + "Cache2kCacheConfiguration");
		configurations.put(CacheType.CAFFEINE, PACKAGE + "CaffeineCacheConfiguration");
		configurations.put(CacheType.SIMPLE, PACKAGE + "SimpleCacheConfiguration");
		configurations.put(CacheType.NONE, PACKAGE + "NoOpCacheConfiguration");
		return configurations;
	}

}
