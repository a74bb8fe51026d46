package dev.scaleout.resilience;

import java.util.ArrayList;
import java.util.List;

import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.report.ReplicationEndpoint;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.report.ReplicationReportAutoConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceAutoConfigurationTests {

	private static final AutoConfigurations REPORT = AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
			ReplicationReportAutoConfiguration.class);

	private static final String EXPOSED = "management.endpoints.web.exposure.include=replication";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
				RestClientAutoConfiguration.class, ResilienceAutoConfiguration.class));

	@Test
	void everyRestClientFromBootsBuilderCallsThroughABreaker() {
		this.runner.run((context) -> assertThat(interceptors(context))
			.containsExactly(context.getBean(CircuitBreakerInterceptor.class)));
	}

	@Test
	void breakersComeFromTheApplicationsRegistry() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(CircuitBreakerRegistry.class)
			.hasSingleBean(CircuitBreakerInterceptor.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("scaleout.resilience.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CircuitBreakerInterceptor.class);
			assertThat(interceptors(context)).isEmpty();
		});
	}

	@Test
	void reportsTheBreakersOnEachClientFromBootsBuilders() {
		this.runner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withPropertyValues(EXPOSED)
			.run((context) -> {
				assertThat(report(context).setUp()).contains(
						"Circuit breakers on every RestClient built from Spring Boot's RestClient.Builder, one per"
								+ " host:port (/actuator/circuitbreakers)",
						"Circuit breakers on every WebClient built from Spring Boot's WebClient.Builder, one per"
								+ " host:port (/actuator/circuitbreakers)");
				assertThat(report(context).findings()).isEmpty();
			});
	}

	@Test
	void withoutBootsClientSupportAtRunTimeTheBreakersAreReportedOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
					ResilienceAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withPropertyValues(EXPOSED)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient",
					"org.springframework.boot.webclient"))
			.run((context) -> assertThat(report(context).findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.id()).isEqualTo("feature-off");
				assertThat(finding.problem()).isEqualTo("Circuit breakers on outbound HTTP calls are off: neither"
						+ " Spring Boot's RestClient support (spring-boot-restclient) nor its WebClient support"
						+ " (spring-boot-webclient) is on the runtime class path");
				assertThat(finding.fix()).startsWith(
						"Add org.springframework.boot:spring-boot-starter-restclient to your pom with compile scope");
			}));
	}

	@Test
	void withoutBootsBuilderBeanTheBreakersAreReportedOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
					ResilienceAutoConfiguration.class))
			.withConfiguration(REPORT)
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(report(context).findings()).singleElement()
				.satisfies((finding) -> assertThat(finding.problem()).isEqualTo("Circuit breakers on outbound HTTP"
						+ " calls are off: there is no RestClient.Builder bean from Spring Boot to put them on")));
	}

	private static ReplicationReport report(AssertableApplicationContext context) {
		return context.getBean(ReplicationEndpoint.class).report();
	}

	private static List<ClientHttpRequestInterceptor> interceptors(ApplicationContext context) {
		List<ClientHttpRequestInterceptor> found = new ArrayList<>();
		context.getBean(RestClient.Builder.class).requestInterceptors(found::addAll);
		return found;
	}

}
