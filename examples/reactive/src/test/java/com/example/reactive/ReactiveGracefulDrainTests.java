package com.example.reactive;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the WebFlux app on Netty does between SIGTERM and exit: closing the context is what Spring Boot's shutdown
 * hook does on SIGTERM.
 */
class ReactiveGracefulDrainTests {

	@Test
	void inFlightRequestCompletesAndReadinessRefusesTrafficAndResponsesSignalTheDrainDuringIt() throws Exception {
		RunningApp app = RunningApp.start(ReactiveApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.shutdown.drain-delay=1500ms",
				"--spring.main.sources=" + SlowRoute.class.getName());
		AtomicInteger started = app.bean(SlowRoute.class).started;
		ApplicationAvailability availability = app.bean(ApplicationAvailability.class);
		CookieJarClient client = new CookieJarClient();
		assertThat(client.get(app.uri("/hello")).headers().firstValue("Scaleout-Draining")).isEmpty();

		CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
			.supplyAsync(() -> client.get(app.uri("/slow?ms=2000")));
		await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);

		await().atMost(Duration.ofSeconds(1))
			.until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
		HttpResponse<String> readiness = client.get(app.uri("/actuator/health/readiness"));
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		HttpResponse<String> duringDrain = client.get(app.uri("/hello"));
		assertThat(duringDrain.statusCode()).as("still serving during the drain").isEqualTo(200);
		assertThat(duringDrain.headers().firstValue("Scaleout-Draining")).hasValue("true");
		assertThat(duringDrain.headers().firstValue("Connection")).hasValue("close");
		assertThat(shutdown).as("shutdown waits for the drain").isNotDone();

		HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("done");
		shutdown.get(30, TimeUnit.SECONDS);
		assertThat(app.context().isActive()).isFalse();
	}

	/**
	 * A route that answers after the time it is asked to take, added to the example app as a further source (not a
	 * configuration class, which the app's component scan would add to every test's app).
	 */
	static class SlowRoute {

		final AtomicInteger started = new AtomicInteger();

		@Bean
		RouterFunction<ServerResponse> slow() {
			return RouterFunctions.route().GET("/slow", (request) -> {
				this.started.incrementAndGet();
				long millis = Long.parseLong(request.queryParam("ms").orElse("1000"));
				return Mono.delay(Duration.ofMillis(millis)).then(ServerResponse.ok().bodyValue("done"));
			}).build();
		}

	}

}
