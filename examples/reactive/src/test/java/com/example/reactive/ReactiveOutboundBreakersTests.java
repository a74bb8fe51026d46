package com.example.reactive;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A WebClient the WebFlux app builds from Spring Boot's builder calls through a breaker per downstream
 * {@code host:port}: after five server errors the breaker opens and calls fail at once, without reaching the
 * downstream service.
 */
class ReactiveOutboundBreakersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void fiveServerErrorsOpenTheDownstreamsBreakerAndThenCallsFailAtOnce() {
		try (LoopbackBackend downstream = LoopbackBackend.start("inventory");
				RunningApp app = RunningApp.start(ReactiveApplication.class, TestRedis.shared().springArguments())) {
			downstream.respondWith(500);
			WebClient client = app.bean(WebClient.Builder.class).baseUrl(downstream.url()).build();
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(WebClientResponseException.class).isThrownBy(() -> call(client));
			}
			assertThat(app.bean(CircuitBreakerRegistry.class).circuitBreaker("127.0.0.1:" + downstream.port())
				.getState()).isEqualTo(State.OPEN);
			int served = downstream.requests();
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> call(client));
			assertThat(downstream.requests()).isEqualTo(served);
		}
	}

	private static void call(WebClient client) {
		client.get().uri("/stock").retrieve().toBodilessEntity().block(TIMEOUT);
	}

}
