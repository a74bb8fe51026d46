package dev.scaleout.work;

import dev.scaleout.report.ReplicationCheck;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link WorkPool}, registered in the application's Resilience4j
 * {@link ThreadPoolBulkheadRegistry} so that its metrics are published.
 *
 * @see WorkProperties
 */
@AutoConfiguration(after = BulkheadAutoConfiguration.class)
@ConditionalOnClass(ThreadPoolBulkhead.class)
@EnableConfigurationProperties(WorkProperties.class)
public final class WorkPoolAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WorkPool workPool(WorkProperties properties, ObjectProvider<ThreadPoolBulkheadRegistry> registry) {
		ThreadPoolBulkheadConfig config = ThreadPoolBulkheadConfig.custom()
			.coreThreadPoolSize(properties.threads())
			.maxThreadPoolSize(properties.threads())
			.queueCapacity(properties.queue())
			.writableStackTraceEnabled(false)
			.build();
		ThreadPoolBulkhead bulkhead = registry.getIfAvailable(ThreadPoolBulkheadRegistry::ofDefaults)
			.bulkhead(WorkPool.NAME, config);
		return new WorkPool(bulkhead, properties.retryAfter());
	}

	@Bean
	@ConditionalOnMissingBean(name = "workPoolReplicationCheck")
	ReplicationCheck workPoolReplicationCheck(WorkPool pool) {
		return (report) -> report.setUp("Work pool: " + pool.threads() + " threads, " + pool.queue()
				+ " tasks waiting at most; beyond that a task is refused with 503 and Retry-After");
	}

}
