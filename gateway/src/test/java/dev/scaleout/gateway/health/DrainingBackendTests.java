package dev.scaleout.gateway.health;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backend that answers with {@code Scaleout-Draining} (a replica on the starter, while it drains before shutting
 * down) leaves the rotation at that first answer, long before its probes could take it down (three failed probes
 * by default; a thousand here, so only the signal can), and comes back when its probes pass again.
 */
@ExtendWith(OutputCaptureExtension.class)
class DrainingBackendTests {

	@Test
	void backendSayingItIsShuttingDownGetsNoNewRequestAfterItsFirstSuchAnswer(CapturedOutput output) {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.strategy=round-robin",
						"scaleout.gateway.slow-start=0s", "scaleout.gateway.health.interval=200ms",
						"scaleout.gateway.health.fall=1000")) {
			LoopbackBackend stopping = backends.get(0);
			stopping.readiness(503).respondWith(200, "Scaleout-Draining", "true");

			HttpResponse<String> signalled = firstAnswerFrom(gateway, stopping);
			assertThat(signalled.statusCode()).isEqualTo(200);
			assertThat(signalled.headers().firstValue("Scaleout-Draining")).as("kept from the client").isEmpty();
			assertThat(gateway.get("/actuator/backends").body())
				.contains("\"url\":\"" + stopping.url() + "\",\"state\":\"DOWN\"");

			int served = stopping.requests();
			for (int i = 0; i < 20; i++) {
				HttpResponse<String> response = gateway.post("/orders", "{\"n\":" + i + "}");
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("replica-2");
			}
			assertThat(stopping.requests()).isEqualTo(served);
			assertThat(output.getOut()).containsOnlyOnce("Backend " + stopping.url() + " is DOWN: it is shutting down");
		}
	}

	@Test
	void backendWhoseDrainWasAFalseAlarmReturnsOnceItsProbesPass() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.strategy=round-robin",
						"scaleout.gateway.slow-start=0s", "scaleout.gateway.health.interval=200ms")) {
			LoopbackBackend restarted = backends.get(0);
			restarted.respondWith(200, "Scaleout-Draining", "true");
			firstAnswerFrom(gateway, restarted);
			restarted.respondWith(200);

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(gateway.get("/actuator/backends").body())
					.contains("\"url\":\"" + restarted.url() + "\",\"state\":\"UP\""));
			int served = restarted.requests();
			for (int i = 0; i < 4; i++) {
				assertThat(gateway.get("/").statusCode()).isEqualTo(200);
			}
			assertThat(restarted.requests()).isGreaterThan(served);
		}
	}

	private static HttpResponse<String> firstAnswerFrom(RunningGateway gateway, LoopbackBackend backend) {
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> response = gateway.get("/");
			if (response.headers().firstValue("X-Instance-Id").filter(backend.instanceId()::equals).isPresent()) {
				return response;
			}
		}
		throw new AssertionError("Round robin sent none of four requests to " + backend.instanceId());
	}

}
