package dev.scaleout.resilience;

import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceAutoConfigurationTests {

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

	private static List<ClientHttpRequestInterceptor> interceptors(ApplicationContext context) {
		List<ClientHttpRequestInterceptor> found = new ArrayList<>();
		context.getBean(RestClient.Builder.class).requestInterceptors(found::addAll);
		return found;
	}

}
