package dev.scaleout.report.app;

import java.util.concurrent.TimeUnit;

import dev.scaleout.report.ReplicationCheck;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An app on the starter written as if for one instance: it keeps its data in an in-memory H2 (from
 * {@code spring.datasource.url}) and runs one of its two jobs without {@code @SchedulerLock}. The jobs first fire
 * an hour after the start, so no test waits for them. Outside {@code dev.scaleout.it}, whose test app would scan it.
 */
@SpringBootApplication
@EnableScheduling
public class ReplicaUnsafeApplication {

	@Component
	static class Jobs {

		@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
		void purgeExpiredOrders() {
		}

		@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
		@SchedulerLock(name = "nightly-report")
		void nightlyReport() {
		}

	}

	/**
	 * A check of the application's own that fails, with {@code --test.exploding-check=true}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("test.exploding-check")
	static class ExplodingCheckConfiguration {

		@Bean
		ReplicationCheck explodingCheck() {
			return (report) -> {
				throw new IllegalStateException("inspection exploded");
			};
		}

	}

}
