package dev.scaleout.shutdown;

import java.time.Duration;

import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.report.ReplicationEndpoint;
import dev.scaleout.report.ReplicationReportAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GracefulShutdownAutoConfiguration.class));

	@Test
	void drainDelayIsZeroByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DrainOnShutdown.class);
			assertThat(context.getBean(ShutdownProperties.class).drainDelay()).isZero();
		});
	}

	@Test
	void drainStopsBeforeEveryOtherLifecyclePhase() {
		this.runner.run((context) -> assertThat(context.getBean(DrainOnShutdown.class).getPhase())
			.isEqualTo(Integer.MAX_VALUE));
	}

	@Test
	void servletApplicationsSignalTheDrainOnTheirResponses() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GracefulShutdownAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(DrainingSignalFilter.class));
	}

	@Test
	void reactiveApplicationsSignalTheDrainOnTheirResponses() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GracefulShutdownAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(DrainingSignalWebFilter.class)
				.doesNotHaveBean(DrainingSignalFilter.class));
	}

	@Test
	void applicationsWithoutAWebServerHaveNoSignalFilter() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(DrainingSignalFilter.class)
			.doesNotHaveBean(DrainingSignalWebFilter.class));
	}

	@Test
	void drainDelayIsConfigurable() {
		this.runner.withPropertyValues("scaleout.shutdown.drain-delay=5s")
			.run((context) -> assertThat(context.getBean(ShutdownProperties.class).drainDelay())
				.isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void negativeDrainDelayFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.shutdown.drain-delay=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.shutdown.drain-delay")
				.hasMessageContaining("must be zero or positive");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnDrain() {
		this.runner.withUserConfiguration(OwnDrain.class)
			.run((context) -> assertThat(context).getBean(DrainOnShutdown.class)
				.isSameAs(context.getBean("myDrain")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDrain {

		@Bean
		DrainOnShutdown myDrain() {
			return new DrainOnShutdown((event) -> {
			}, Duration.ofSeconds(1));
		}

	}


	@Test
	void theReplicationReportSaysHowTheReplicaDrains() {
		ApplicationContextRunner reported = this.runner
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
					ReplicationReportAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=replication");
		reported.withPropertyValues("scaleout.shutdown.drain-delay=250ms")
			.run((context) -> assertThat(context.getBean(ReplicationEndpoint.class).report().setUp()).contains(
					"Drain on SIGTERM: readiness turns REFUSING_TRAFFIC, then the replica serves for another 0.25s"
							+ " before graceful shutdown"));
		long parent = ProcessHandle.current().parent().orElseThrow().pid();
		reported.withPropertyValues("scaleout.shutdown.parent-pid=" + parent)
			.run((context) -> assertThat(context.getBean(ReplicationEndpoint.class).report().setUp()).contains(
					"Drain on SIGTERM: readiness turns REFUSING_TRAFFIC and graceful shutdown starts at once (no"
							+ " scaleout.shutdown.drain-delay); exits with its parent process " + parent));
	}

}
