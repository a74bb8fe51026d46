package dev.scaleout.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ClusterOnceSchedulingAutoConfigurationTests {

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

}
