package dev.scaleout.report;

import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationReportAutoConfigurationTests {

	private static final String INSTANCE_LINE = "Instance id replica-a in every log line and /actuator/info, and in"
			+ " the X-Instance-Id response header";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
				ReplicationReportAutoConfiguration.class))
		.withPropertyValues("scaleout.instance.id=replica-a", "management.endpoints.web.exposure.include=replication");

	@Test
	void namesTheInstanceAndWhereItsIdShows() {
		this.runner.run((context) -> {
			ReplicationReport report = report(context);
			assertThat(report.instance()).isEqualTo("replica-a");
			assertThat(report.setUp()).containsExactly(INSTANCE_LINE);
		});
	}

	@Test
	void anApplicationWithNothingToFindHasNoFindings() {
		this.runner.run((context) -> assertThat(report(context).findings()).isEmpty());
	}

	@Test
	void runsEveryCheckInTheirOrder() {
		this.runner.withUserConfiguration(OrderedChecks.class)
			.run((context) -> assertThat(report(context).setUp()).containsExactly(INSTANCE_LINE, "first", "second"));
	}

	@Test
	void aCheckThatThrowsIsNotedAndTheOthersStillRun() {
		this.runner.withUserConfiguration(OrderedChecks.class)
			.withBean("explodingCheck", ReplicationCheck.class, () -> (report) -> {
				throw new IllegalStateException("inspection exploded");
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ReplicationReport report = report(context);
				assertThat(report.setUp()).contains("first", "second");
				assertThat(report.findings()).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("check-failed");
					assertThat(finding.problem()).isEqualTo("The check 'explodingCheck' could not run"
							+ " (IllegalStateException: inspection exploded), so what it inspects is missing from"
							+ " this report");
					assertThat(finding.fix()).contains("logging.level.dev.scaleout.report.ReplicationChecks=DEBUG");
				});
			});
	}

	@Test
	void everyReadRunsTheChecksAgain() {
		this.runner.withUserConfiguration(CountingCheck.class).run((context) -> {
			ReplicationEndpoint endpoint = context.getBean(ReplicationEndpoint.class);
			assertThat(endpoint.report().setUp()).contains("run 1");
			assertThat(endpoint.report().setUp()).contains("run 2");
		});
	}

	@Test
	void theEndpointNeedsToBeExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
					ReplicationReportAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ReplicationReportLog.class)
				.doesNotHaveBean(ReplicationEndpoint.class));
	}

	static ReplicationReport report(AssertableApplicationContext context) {
		return context.getBean(ReplicationEndpoint.class).report();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedChecks {

		@Bean
		@Order(2)
		ReplicationCheck secondCheck() {
			return (report) -> report.setUp("second");
		}

		@Bean
		@Order(1)
		ReplicationCheck firstCheck() {
			return (report) -> report.setUp("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCheck {

		private int runs;

		@Bean
		ReplicationCheck countingCheck() {
			return (report) -> report.setUp("run " + (++this.runs));
		}

	}

}
