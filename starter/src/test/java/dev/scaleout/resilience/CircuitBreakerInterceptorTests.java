package dev.scaleout.resilience;

import java.time.Duration;

import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.time.MutableClock;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A breaker with Scaleout's default thresholds around a real HTTP server on loopback, with time driven by the
 * test's clock instead of sleeps.
 */
class CircuitBreakerInterceptorTests {

	private final MutableClock clock = new MutableClock();

	private final LoopbackBackend downstream = LoopbackBackend.start("downstream");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
				RestClientAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withInitializer(new ReplicaDefaults())
		.withPropertyValues("resilience4j.circuitbreaker.instances.downstream.base-config=default")
		.withBean(CircuitBreakerConfigCustomizer.class,
				() -> CircuitBreakerConfigCustomizer.of("downstream", (config) -> config.clock(this.clock)));

	@AfterEach
	void stopDownstream() {
		this.downstream.close();
	}

	@Test
	void fiveFailedCallsOpenTheBreakerAndThenCallsFailAtOnceWithoutTouchingTheNetwork() {
		this.downstream.respondWith(500);
		this.runner.run((context) -> {
			RestClient client = client(context);
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> call(client));
			}
			assertThat(state(context)).isEqualTo(State.OPEN);
			int served = this.downstream.requests();
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> call(client));
			assertThat(this.downstream.requests()).isEqualTo(served);
		});
	}

	@Test
	void fourFailuresInARowAreNotEnoughToJudge() {
		this.downstream.respondWith(503);
		this.runner.run((context) -> {
			RestClient client = client(context);
			for (int i = 0; i < 4; i++) {
				assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> call(client));
			}
			assertThat(state(context)).isEqualTo(State.CLOSED);
		});
	}

	@Test
	void afterThirtySecondsThreeSuccessfulProbesCloseTheBreakerAgain() {
		this.downstream.respondWith(500);
		this.runner.run((context) -> {
			RestClient client = client(context);
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> call(client));
			}
			this.downstream.respondWith(200);
			this.clock.advance(Duration.ofSeconds(29));
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> call(client));
			this.clock.advance(Duration.ofSeconds(2));
			call(client);
			assertThat(state(context)).isEqualTo(State.HALF_OPEN);
			call(client);
			call(client);
			assertThat(state(context)).isEqualTo(State.CLOSED);
		});
	}

	@Test
	void failedProbeOpensTheBreakerAgain() {
		this.downstream.respondWith(500);
		this.runner.run((context) -> {
			RestClient client = client(context);
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> call(client));
			}
			this.clock.advance(Duration.ofSeconds(31));
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(HttpServerErrorException.class).isThrownBy(() -> call(client));
			}
			assertThat(state(context)).isEqualTo(State.OPEN);
		});
	}

	@Test
	void refusedConnectionsCountAsFailures() {
		this.downstream.kill();
		this.runner.run((context) -> {
			RestClient client = client(context);
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> call(client));
			}
			assertThat(state(context)).isEqualTo(State.OPEN);
		});
	}

	@Test
	void withoutANameEachTargetHostAndPortHasItsOwnBreaker() {
		this.runner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			client.get().uri(this.downstream.url() + "/").retrieve().toBodilessEntity();
			assertThat(context.getBean(CircuitBreakerRegistry.class).find("127.0.0.1:" + this.downstream.port()))
				.isPresent();
		});
	}

	private RestClient client(ApplicationContext context) {
		return context.getBean(RestClient.Builder.class).baseUrl(this.downstream.url()).build();
	}

	private static void call(RestClient client) {
		client.get()
			.uri("/")
			.attribute(CircuitBreakerInterceptor.BREAKER_ATTRIBUTE, "downstream")
			.retrieve()
			.toBodilessEntity();
	}

	private static State state(ApplicationContext context) {
		return context.getBean(CircuitBreakerRegistry.class).circuitBreaker("downstream").getState();
	}

}
