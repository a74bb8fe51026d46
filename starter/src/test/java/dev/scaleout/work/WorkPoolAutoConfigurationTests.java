package dev.scaleout.work;

import java.time.Duration;

import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.report.ReplicationEndpoint;
import dev.scaleout.report.ReplicationReportAutoConfiguration;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class WorkPoolAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BulkheadAutoConfiguration.class, WorkPoolAutoConfiguration.class));

	@Test
	void poolHasOneThreadPerCoreAndASmallQueueByDefault() {
		this.runner.run((context) -> {
			WorkPool pool = context.getBean(WorkPool.class);
			assertThat(pool.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
			assertThat(pool.queue()).isEqualTo(10);
			assertThat(context.getBean(WorkProperties.class).retryAfter()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@Test
	void sizeIsConfigurable() {
		this.runner.withPropertyValues("scaleout.work.threads=3", "scaleout.work.queue=0").run((context) -> {
			WorkPool pool = context.getBean(WorkPool.class);
			assertThat(pool.threads()).isEqualTo(3);
			assertThat(pool.queue()).isZero();
		});
	}

	@Test
	void poolIsRegisteredWithResilience4jSoItsMetricsArePublished() {
		this.runner.run((context) -> assertThat(context.getBean(ThreadPoolBulkheadRegistry.class)
			.find(WorkPool.NAME)).isPresent());
	}

	@Test
	void zeroThreadsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.work.threads=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.work.threads")
				.hasMessageContaining("at least one thread");
		});
	}

	@Test
	void negativeQueueFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.work.queue=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("scaleout.work.queue");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnPool() {
		this.runner.withBean("myPool", WorkPool.class,
				() -> new WorkPool(ThreadPoolBulkheadRegistry.ofDefaults().bulkhead("mine"), Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).getBean(WorkPool.class).isSameAs(context.getBean("myPool")));
	}


	@Test
	void theReplicationReportSaysHowBigThePoolIs() {
		this.runner
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
					ReplicationReportAutoConfiguration.class))
			.withPropertyValues("scaleout.work.threads=3", "scaleout.work.queue=7",
					"management.endpoints.web.exposure.include=replication")
			.run((context) -> assertThat(context.getBean(ReplicationEndpoint.class).report().setUp()).contains(
					"Work pool: 3 threads, 7 tasks waiting at most; beyond that a task is refused with 503 and"
							+ " Retry-After"));
	}

}
