package dev.scaleout.gateway.retry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.http.LoopbackBackend.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which failed requests are retried, where, and how many.
 */
class RetryTests {

	private static final String[] ROUND_ROBIN_WITHOUT_CHECKS = { "scaleout.gateway.strategy=round-robin",
			"scaleout.gateway.health.enabled=false" };

	@Test
	void retriesAGetOnAnotherBackendWhenItsBackendDiesMidRequest() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), ROUND_ROBIN_WITHOUT_CHECKS)) {
			LoopbackBackend dying = backends.get(0).delay(Duration.ofSeconds(2));
			CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> gateway.get("/"));
			await().atMost(Duration.ofSeconds(5)).until(() -> dying.requests() == 1);
			dying.kill();
			assertThat(response.join().statusCode()).isEqualTo(200);
			assertThat(response.join().headers().firstValue("X-Instance-Id")).hasValue("replica-2");
		}
	}

	@Test
	void neverReplaysAPostWhoseBackendDiesMidRequest() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), ROUND_ROBIN_WITHOUT_CHECKS)) {
			LoopbackBackend dying = backends.get(0).delay(Duration.ofSeconds(2));
			CompletableFuture<HttpResponse<String>> response = CompletableFuture
				.supplyAsync(() -> gateway.post("/orders", "{\"item\":42}"));
			await().atMost(Duration.ofSeconds(5)).until(() -> dying.requests() == 1);
			dying.kill();
			assertThat(response.join().statusCode()).isEqualTo(502);
			assertThat(backends.get(1).requests()).isZero();
		}
	}

	@Test
	void retriesAPostWhoseBackendRefusedTheConnectionOnAnotherBackend() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), ROUND_ROBIN_WITHOUT_CHECKS)) {
			backends.get(0).kill();
			for (int i = 0; i < 6; i++) {
				HttpResponse<String> response = gateway.post("/orders", "{\"item\":" + i + "}");
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("replica-2");
			}
			assertThat(backends.get(1).recordedRequests()).extracting(RecordedRequest::body)
				.contains("{\"item\":0}", "{\"item\":5}")
				.hasSize(6);
		}
	}

	@Test
	void retriesAGetOnAnotherBackendWhenItsBackendHangsPastThePerTryTimeout() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.strategy=round-robin",
						"scaleout.gateway.health.enabled=false", "scaleout.gateway.retry.per-try-timeout=300ms")) {
			backends.get(0).delay(Duration.ofSeconds(5));
			for (int i = 0; i < 2; i++) {
				Instant start = Instant.now();
				HttpResponse<String> response = gateway.get("/");
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("replica-2");
				assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
			}
			assertThat(backends.get(0).requests()).isEqualTo(1);
		}
	}

	@Test
	void neverRetriesAPostPastThePerTryTimeout() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.strategy=round-robin",
						"scaleout.gateway.health.enabled=false", "scaleout.gateway.retry.per-try-timeout=300ms",
						"scaleout.gateway.response-timeout=1500ms")) {
			backends.all().forEach((backend) -> backend.delay(Duration.ofSeconds(1)));
			HttpResponse<String> response = gateway.post("/orders", "{}");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(backends.get(0).requests() + backends.get(1).requests()).isEqualTo(1);
		}
	}

	@Test
	void retriesAGetThatGotA503OnADifferentBackend() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), ROUND_ROBIN_WITHOUT_CHECKS)) {
			backends.get(0).respondWith(503);
			for (int i = 0; i < 4; i++) {
				HttpResponse<String> response = gateway.get("/");
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("replica-2");
			}
		}
	}

	@Test
	void passesA503ToAPostThrough() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), ROUND_ROBIN_WITHOUT_CHECKS)) {
			backends.get(0).respondWith(503);
			int unavailable = 0;
			for (int i = 0; i < 4; i++) {
				if (gateway.post("/orders", "{}").statusCode() == 503) {
					unavailable++;
				}
			}
			assertThat(backends.get(0).requests()).isEqualTo(unavailable).isPositive();
			assertThat(backends.get(0).requests() + backends.get(1).requests()).isEqualTo(4);
		}
	}

	@Test
	void retryBudgetCapsRetriesWhenEveryBackendFails() {
		try (Backends backends = Backends.start(3);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.health.enabled=false",
						"scaleout.gateway.ejection.enabled=false", "scaleout.gateway.retry.budget-percent=20",
						"scaleout.gateway.retry.budget-min-retries=3", "scaleout.gateway.retry.budget-window=60s")) {
			backends.all().forEach((backend) -> backend.respondWith(503));
			for (int i = 0; i < 100; i++) {
				assertThat(gateway.get("/").statusCode()).isEqualTo(503);
			}
			int sent = backends.all().stream().mapToInt(LoopbackBackend::requests).sum();
			assertThat(sent).isBetween(100 + 20, 100 + 20 + 3);
		}
	}

}
