package dev.scaleout.resilience;

import java.time.Duration;

import dev.scaleout.test.http.LoopbackBackend;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * WebClient calls share the RestClient's breakers and rules, against a real HTTP server on loopback.
 */
class CircuitBreakerExchangeFilterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final LoopbackBackend downstream = LoopbackBackend.start("downstream");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
				WebClientAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withInitializer(new ReplicaDefaults());

	@AfterEach
	void stopDownstream() {
		this.downstream.close();
	}

	@Test
	void fiveServerErrorsOpenTheBreakerAndThenExchangesFailAtOnce() {
		this.downstream.respondWith(500);
		this.runner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class).baseUrl(this.downstream.url()).build();
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(WebClientResponseException.class).isThrownBy(() -> call(client));
			}
			assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("inventory").getState())
				.isEqualTo(State.OPEN);
			int served = this.downstream.requests();
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> call(client));
			assertThat(this.downstream.requests()).isEqualTo(served);
		});
	}

	@Test
	void successfulExchangesKeepTheBreakerClosed() {
		this.runner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class).baseUrl(this.downstream.url()).build();
			for (int i = 0; i < 6; i++) {
				call(client);
			}
			assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("inventory").getState())
				.isEqualTo(State.CLOSED);
		});
	}

	private static void call(WebClient client) {
		client.get()
			.uri("/")
			.attribute(CircuitBreakerInterceptor.BREAKER_ATTRIBUTE, "inventory")
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

}
