package dev.scaleout.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of cluster-once scheduled jobs: a {@code @Scheduled} method that also carries
 * {@link SchedulerLock @SchedulerLock} runs on one replica per tick, with ShedLock's lock kept in the same Redis as
 * the sessions.
 *
 * @see SchedulingProperties
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ SchedulerLock.class, RedisLockProvider.class, RedisConnectionFactory.class })
@EnableConfigurationProperties(SchedulingProperties.class)
public final class ClusterOnceSchedulingAutoConfiguration {

	static final String REDIS_LOCK_PROVIDER_BEAN = "redisLockProvider";

	/**
	 * ShedLock's own prefix of the keys of a {@link RedisLockProvider}.
	 */
	private static final String SHEDLOCK_KEY_PREFIX = "job-lock";

	@Bean(REDIS_LOCK_PROVIDER_BEAN)
	@ConditionalOnMissingBean
	@ConditionalOnBean(RedisConnectionFactory.class)
	LockProvider redisLockProvider(RedisConnectionFactory connectionFactory, Environment environment) {
		// Keys are job-lock:<application name>:<job>, so apps sharing a Redis keep their jobs apart.
		return new RedisLockProvider(connectionFactory, applicationName(environment), SHEDLOCK_KEY_PREFIX);
	}

	@Bean
	@ConditionalOnMissingBean(name = "clusterOnceJobsReplicationCheck")
	ClusterOnceJobsCheck clusterOnceJobsReplicationCheck(ConfigurableListableBeanFactory beans,
			Environment environment) {
		return new ClusterOnceJobsCheck(beans, SHEDLOCK_KEY_PREFIX + ":" + applicationName(environment) + ":",
				beans.getBeanClassLoader());
	}

	private static String applicationName(Environment environment) {
		return environment.getProperty("spring.application.name", "default");
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer lockStoreOutageThreadPoolTaskSchedulerCustomizer() {
		return (scheduler) -> scheduler.setErrorHandler(new LockStoreOutageErrorHandler());
	}

	/**
	 * A cron or trigger job's next tick is a delayed task, which Spring's scheduler still runs after the shutdown
	 * that starts when the context closes (unlike a fixed-rate or fixed-delay job's, which it cancels): it then fell
	 * while the application shut down, after the lock store's connection had closed, and failed with a stack trace.
	 * The tick is dropped instead; another replica runs it.
	 * @return the customizer
	 */
	@Bean
	ThreadPoolTaskSchedulerCustomizer noTickAfterShutdownThreadPoolTaskSchedulerCustomizer() {
		return (scheduler) -> scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer lockStoreOutageSimpleAsyncTaskSchedulerCustomizer() {
		return (scheduler) -> scheduler.setErrorHandler(new LockStoreOutageErrorHandler());
	}

	/**
	 * Switches ShedLock on, unless the application did with its own {@code @EnableSchedulerLock}. An application
	 * without Redis that brings its own {@link LockProvider} adds {@code @EnableSchedulerLock} itself.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnMissingBean(ExtendedLockConfigurationExtractor.class)
	@EnableSchedulerLock(
			defaultLockAtMostFor = "${scaleout.scheduling.lock-at-most-for:"
					+ SchedulingProperties.DEFAULT_LOCK_AT_MOST_FOR + "}",
			defaultLockAtLeastFor = "${scaleout.scheduling.lock-at-least-for:"
					+ SchedulingProperties.DEFAULT_LOCK_AT_LEAST_FOR + "}")
	static class SchedulerLockConfiguration {

	}

}
