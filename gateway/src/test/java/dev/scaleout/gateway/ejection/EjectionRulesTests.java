package dev.scaleout.gateway.ejection;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ejects a replica through the real gateway, and the panic threshold.
 */
class EjectionRulesTests {

	private static final String[] NO_RETRIES = { "scaleout.gateway.retry.attempts=0" };

	@Test
	void aReplicaSheddingLoadWithRetryAfterIsNotEjected() {
		try (Backends backends = Backends.start(2); RunningGateway gateway = RunningGateway.start(backends.all(), NO_RETRIES)) {
			LoopbackBackend shedding = backends.get(0).respondWith(503, "Retry-After", "2");
			callUntilServed(gateway, shedding, 10);
			assertThat(ejector(gateway).isEjected(backend(shedding))).isFalse();
		}
	}

	@Test
	void aReplicaAnswering500IsNotEjected() {
		try (Backends backends = Backends.start(2); RunningGateway gateway = RunningGateway.start(backends.all(), NO_RETRIES)) {
			LoopbackBackend buggy = backends.get(0).respondWith(500);
			callUntilServed(gateway, buggy, 10);
			assertThat(ejector(gateway).isEjected(backend(buggy))).isFalse();
		}
	}

	@Test
	void aReplicaAnswering502IsEjected() {
		try (Backends backends = Backends.start(2); RunningGateway gateway = RunningGateway.start(backends.all(), NO_RETRIES)) {
			LoopbackBackend failing = backends.get(0).respondWith(502);
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				gateway.get("/");
				return ejector(gateway).isEjected(backend(failing));
			});
			assertThat(failing.requests()).isEqualTo(5);
		}
	}

	@Test
	void belowThePanicThresholdAnEjectedReplicaThatIsNotDownStillServes() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.retry.attempts=0",
						"scaleout.gateway.health.interval=100ms", "scaleout.gateway.health.fall=1")) {
			LoopbackBackend ejected = backends.get(0).respondWith(502);
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				gateway.get("/");
				return ejector(gateway).isEjected(backend(ejected));
			});
			LoopbackBackend dead = backends.get(1);
			dead.kill();
			BackendHealth health = gateway.context().getBean(BackendHealth.class);
			await().atMost(Duration.ofSeconds(3)).until(() -> !health.isUp(backend(dead)));
			ejected.respondWith(200);

			HttpResponse<String> response = gateway.get("/");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Instance-Id")).hasValue(ejected.instanceId());
			assertThat(ejector(gateway).isEjected(backend(ejected))).isTrue();
		}
	}

	@Test
	void withThePanicThresholdOffAnEjectedReplicaGetsNoTraffic() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.retry.attempts=0",
						"scaleout.gateway.health.interval=100ms", "scaleout.gateway.health.fall=1",
						"scaleout.gateway.ejection.panic-threshold=0")) {
			LoopbackBackend ejected = backends.get(0).respondWith(502);
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				gateway.get("/");
				return ejector(gateway).isEjected(backend(ejected));
			});
			LoopbackBackend dead = backends.get(1);
			dead.kill();
			BackendHealth health = gateway.context().getBean(BackendHealth.class);
			await().atMost(Duration.ofSeconds(3)).until(() -> !health.isUp(backend(dead)));
			assertThat(gateway.get("/").statusCode()).isEqualTo(503);
		}
	}

	private static void callUntilServed(RunningGateway gateway, LoopbackBackend backend, int times) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			gateway.get("/");
			return backend.requests() >= times;
		});
	}

	private static OutlierEjector ejector(RunningGateway gateway) {
		return gateway.context().getBean(OutlierEjector.class);
	}

	private static Backend backend(LoopbackBackend backend) {
		return new Backend(URI.create(backend.url()), 1);
	}

}
