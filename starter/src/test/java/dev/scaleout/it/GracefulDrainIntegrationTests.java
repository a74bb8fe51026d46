package dev.scaleout.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a replica does between SIGTERM and exit, on a real server: closing the context is what Spring Boot's
 * shutdown hook does on SIGTERM.
 */
class GracefulDrainIntegrationTests {

	@Test
	void inFlightRequestCompletesAndReadinessRefusesTrafficAndResponsesSignalTheDrainDuringIt() throws Exception {
		RunningApp app = RunningApp.start(ReplicaTestApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.shutdown.drain-delay=1500ms");
		ReplicaTestApplication.SlowController slow = app.bean(ReplicaTestApplication.SlowController.class);
		ApplicationAvailability availability = app.bean(ApplicationAvailability.class);
		CookieJarClient client = new CookieJarClient();
		assertThat(client.get(app.uri("/")).headers().firstValue("Scaleout-Draining")).isEmpty();

		CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
			.supplyAsync(() -> client.get(app.uri("/slow?ms=2000")));
		await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() == 1);
		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);

		await().atMost(Duration.ofSeconds(1))
			.until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
		HttpResponse<String> readiness = client.get(app.uri("/actuator/health/readiness"));
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		HttpResponse<String> duringDrain = client.get(app.uri("/"));
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

	@Test
	void withoutADrainDelayShutdownStillLetsInFlightRequestsFinish() throws Exception {
		RunningApp app = RunningApp.start(ReplicaTestApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1]);
		ReplicaTestApplication.SlowController slow = app.bean(ReplicaTestApplication.SlowController.class);
		CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
			.supplyAsync(() -> new CookieJarClient().get(app.uri("/slow?ms=1000")));
		await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() == 1);
		app.close();
		assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

}
