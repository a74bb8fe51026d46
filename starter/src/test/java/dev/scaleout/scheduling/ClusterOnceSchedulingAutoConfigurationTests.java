package dev.scaleout.scheduling;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.report.ReplicationEndpoint;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.report.ReplicationReport.Finding;
import dev.scaleout.report.ReplicationReportAutoConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ClusterOnceSchedulingAutoConfigurationTests {

	private static final AutoConfigurations REPORT = AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
			ReplicationReportAutoConfiguration.class);

	private static final String EXPOSED = "management.endpoints.web.exposure.include=replication";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DataRedisAutoConfiguration.class, ClusterOnceSchedulingAutoConfiguration.class));

	@Test
	void locksLiveInRedisAndSchedulerLockIsOn() {
		this.runner.run((context) -> {
			assertThat(context).getBean(LockProvider.class).isInstanceOf(RedisLockProvider.class);
			assertThat(context).hasSingleBean(ExtendedLockConfigurationExtractor.class);
		});
	}

	@Test
	void backsOffWhenTheApplicationBringsItsOwnLockProvider() {
		LockProvider mine = (configuration) -> java.util.Optional.empty();
		this.runner.withBean("myLockProvider", LockProvider.class, () -> mine)
			.run((context) -> assertThat(context).getBean(LockProvider.class).isSameAs(mine));
	}

	@Test
	void lockDurationsAreConfigurable() {
		this.runner.withPropertyValues("scaleout.scheduling.lock-at-most-for=2m",
				"scaleout.scheduling.lock-at-least-for=5s")
			.run((context) -> {
				SchedulingProperties properties = context.getBean(SchedulingProperties.class);
				assertThat(properties.lockAtMostFor()).hasMinutes(2);
				assertThat(properties.lockAtLeastFor()).hasSeconds(5);
			});
	}

	@Test
	void lockAtLeastLongerThanAtMostFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.scheduling.lock-at-most-for=10s",
				"scaleout.scheduling.lock-at-least-for=1m")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("scaleout.scheduling.lock-at-least-for");
			});
	}

	@Test
	void skippedTicksDuringARedisOutageAreOneWarningNotAStackTraceEachTick(CapturedOutput output) {
		LockStoreOutageErrorHandler handler = new LockStoreOutageErrorHandler();
		RedisSystemException outage = new RedisSystemException("Redis exception",
				new io.lettuce.core.RedisException("Currently not connected. Commands are rejected."));
		for (int tick = 0; tick < 5; tick++) {
			handler.handleError(outage);
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("skip their ticks"))).hasSize(1);
		assertThat(output.getOut()).doesNotContain("\tat ");
	}

	@Test
	void springBootsSchedulerDropsTicksDueAfterItsShutdownAndTakesTheOutageHandler() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(Jobs.class)
			.run((context) -> {
				ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
				assertThat(scheduler.getScheduledThreadPoolExecutor().getExecuteExistingDelayedTasksAfterShutdownPolicy())
					.isFalse();
				assertThat(scheduler).extracting("errorHandler").isInstanceOf(LockStoreOutageErrorHandler.class);
			});
	}

	@Test
	void reportsTheClusterOnceJobsAndWhereTheirLocksAre() {
		this.runner.withConfiguration(REPORT)
			.withUserConfiguration(Jobs.class)
			.withPropertyValues(EXPOSED, "spring.application.name=orders")
			.run((context) -> assertThat(report(context).setUp()).contains("Cluster-once jobs:"
					+ " ClusterOnceSchedulingAutoConfigurationTests.LockedJob#tick runs on one replica per tick,"
					+ " locked in Redis under job-lock:orders:<lock name>"));
	}

	@Test
	void findsEveryScheduledMethodWithoutSchedulerLock() {
		this.runner.withConfiguration(REPORT)
			.withUserConfiguration(Jobs.class)
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(report(context).findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.id()).isEqualTo("unlocked-scheduled-job");
				assertThat(finding.problem()).isEqualTo("@Scheduled method"
						+ " ClusterOnceSchedulingAutoConfigurationTests.UnlockedJob#purge has no @SchedulerLock:"
						+ " every replica runs it at every tick");
				assertThat(finding.fix()).startsWith("Add @SchedulerLock(name = \"UnlockedJob.purge\") to it");
			}));
	}

	@Test
	void withoutALockStoreClusterOnceJobsAreReportedOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClusterOnceSchedulingAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withUserConfiguration(Jobs.class)
			.withPropertyValues(EXPOSED)
			.run((context) -> {
				assertThat(report(context).setUp()).noneMatch((line) -> line.startsWith("Cluster-once"));
				assertThat(report(context).findings()).extracting(Finding::id)
					.containsExactly("feature-off", "unlocked-scheduled-job");
				Finding off = report(context).findings().get(0);
				assertThat(off.problem()).isEqualTo("Cluster-once jobs are off: there is no ShedLock LockProvider"
						+ " (no RedisConnectionFactory to keep the locks in), so every replica runs each @Scheduled"
						+ " method at every tick, @SchedulerLock or not"
						+ " (ClusterOnceSchedulingAutoConfigurationTests.LockedJob#tick)");
				assertThat(off.fix()).contains("spring.data.redis.*").contains("@EnableSchedulerLock");
			});
	}

	@Test
	void anOwnLockProviderWithoutSchedulerLockSwitchedOnIsReportedOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClusterOnceSchedulingAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withUserConfiguration(Jobs.class)
			.withBean("myLockProvider", LockProvider.class, () -> (configuration) -> Optional.empty())
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(report(context).findings().get(0).problem())
				.startsWith("Cluster-once jobs are off: ShedLock is not switched on (no @EnableSchedulerLock)"));
	}

	@Test
	void anOwnLockProviderIsNamed() {
		this.runner.withConfiguration(REPORT)
			.withUserConfiguration(Jobs.class)
			.withBean("myLockProvider", LockProvider.class, () -> (configuration) -> Optional.empty())
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(report(context).setUp())
				.anySatisfy((line) -> assertThat(line).endsWith("locked by the application's LockProvider"
						+ " (myLockProvider)")));
	}

	@Test
	void anApplicationWithoutScheduledJobsHasNothingToFind() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClusterOnceSchedulingAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(report(context).findings()).isEmpty());
	}

	private static ReplicationReport report(AssertableApplicationContext context) {
		return context.getBean(ReplicationEndpoint.class).report();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Jobs {

		@Bean
		LockedJob lockedJob() {
			return new LockedJob();
		}

		@Bean
		UnlockedJob unlockedJob() {
			return new UnlockedJob();
		}

	}

	static class LockedJob {

		@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
		@SchedulerLock(name = "tick")
		void tick() {
		}

	}

	static class UnlockedJob {

		@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
		void purge() {
		}

	}

}
