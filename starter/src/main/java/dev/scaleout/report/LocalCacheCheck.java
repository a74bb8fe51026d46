package dev.scaleout.report;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link CacheManager}s that keep their entries in this JVM — Spring's map, Caffeine, cache2k, or JCache with
 * a local provider — so that an eviction or a put on one replica is not seen by the others. The types are matched
 * by name, so that none of these libraries needs to be on the class path.
 */
final class LocalCacheCheck implements ReplicationCheck {

	static final String ID = "local-cache";

	private static final Set<String> LOCAL_MANAGERS = Set.of(
			"org.springframework.cache.concurrent.ConcurrentMapCacheManager",
			"org.springframework.cache.caffeine.CaffeineCacheManager",
			"org.cache2k.extra.spring.SpringCache2kCacheManager");

	/**
	 * Caches that tell a manager of no known type (a {@code SimpleCacheManager}, a composite) to be local.
	 */
	private static final Set<String> LOCAL_CACHES = Set.of("org.springframework.cache.concurrent.ConcurrentMapCache",
			"org.springframework.cache.caffeine.CaffeineCache", "org.cache2k.extra.spring.SpringCache2kCache");

	private static final Set<String> LOCAL_JCACHE_PROVIDERS = Set.of(
			"com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider",
			"org.ehcache.jsr107.EhcacheCachingProvider", "org.cache2k.jcache.provider.JCacheProvider");

	private static final String JCACHE_MANAGER = "org.springframework.cache.jcache.JCacheCacheManager";

	private final ListableBeanFactory beans;

	private final boolean jcachePresent;

	LocalCacheCheck(ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
		this.beans = beans;
		this.jcachePresent = ClassUtils.isPresent(JCACHE_MANAGER, classLoader)
				&& ClassUtils.isPresent("javax.cache.CacheManager", classLoader);
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		this.beans.getBeansOfType(CacheManager.class, false, false).forEach((name, manager) -> {
			String kind = localKind(manager);
			if (kind != null) {
				Collection<String> caches = manager.getCacheNames();
				String named = caches.isEmpty() ? "" : "; caches " + String.join(", ", caches);
				report.finding(ID, "CacheManager '" + name + "' (" + kind + named + ") keeps its entries in this JVM:"
						+ " evictions and puts on one replica are not seen by the others, which go on answering from"
						+ " their own copies",
						"Keep it for caches whose entries may differ between replicas for a while (give them a short"
								+ " expiry); otherwise use a cache that every replica shares: spring.cache.type=redis"
								+ " with spring.cache.redis.time-to-live");
			}
		});
	}

	private @Nullable String localKind(CacheManager manager) {
		if (isA(manager.getClass(), LOCAL_MANAGERS)) {
			return ClassUtils.getShortName(manager.getClass());
		}
		if (this.jcachePresent && isA(manager.getClass(), Set.of(JCACHE_MANAGER))) {
			String provider = JCache.providerOf(manager);
			return (provider != null && LOCAL_JCACHE_PROVIDERS.contains(provider))
					? "JCache on " + ClassUtils.getShortName(provider) : null;
		}
		boolean localCaches = manager.getCacheNames()
			.stream()
			.map(manager::getCache)
			.filter(Objects::nonNull)
			.map(Cache::getClass)
			.anyMatch((type) -> isA(type, LOCAL_CACHES));
		return localCaches ? ClassUtils.getShortName(manager.getClass()) + " of in-JVM caches" : null;
	}

	private static boolean isA(@Nullable Class<?> type, Set<String> typeNames) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (typeNames.contains(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Touches JCache's types only when they are on the class path.
	 */
	private static final class JCache {

		static @Nullable String providerOf(CacheManager manager) {
			javax.cache.CacheManager jcache = ((JCacheCacheManager) manager).getCacheManager();
			return (jcache != null) ? jcache.getCachingProvider().getClass().getName() : null;
		}

	}

}
