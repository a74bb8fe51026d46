package dev.scaleout.gateway.ejection;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backend killed under load: retries hide it from clients, ejection and health checks
 * take it out, and it comes back when it returns.
 */
class FailoverTests {

	@Test
	void backendKilledUnderLoadFailsNoClientRequestAndReturnsWhenRestarted() {
		try (Backends backends = Backends.start(3);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.health.interval=200ms",
						"scaleout.gateway.health.timeout=500ms", "scaleout.gateway.slow-start=3s")) {
			LoopbackBackend victim = backends.get(2);
			Backend killed = new Backend(URI.create(victim.url()), 1);
			OutlierEjector ejector = gateway.context().getBean(OutlierEjector.class);
			BackendHealth health = gateway.context().getBean(BackendHealth.class);
			CompletableFuture<List<Object>> load = CompletableFuture
				.supplyAsync(() -> gateway.getConcurrently(16, 3000, "/"));
			await().atMost(Duration.ofSeconds(10)).until(() -> victim.requests() > 100);

			victim.kill();
			await().atMost(Duration.ofSeconds(1)).until(() -> ejector.isEjected(killed));
			await().atMost(Duration.ofSeconds(3)).until(() -> !health.isUp(killed));
			assertThat(gateway.get("/actuator/backends").body()).contains("\"url\":\"" + victim.url() + "\",\"state\":\"DOWN\"");

			assertThat(load.join()).hasSize(3000)
				.allSatisfy((response) -> assertThat(response).isInstanceOfSatisfying(HttpResponse.class,
						(ok) -> assertThat(ok.statusCode()).isEqualTo(200)));

			victim.restart();
			await().atMost(Duration.ofSeconds(3)).until(() -> health.isUp(killed));
			assertThat(ejector.isEjected(killed)).isFalse();
			assertThat(gateway.get("/actuator/backends").body())
				.contains("\"url\":\"" + victim.url() + "\",\"state\":\"STARTING\"");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(gateway.get("/actuator/backends").body())
					.contains("\"url\":\"" + victim.url() + "\",\"state\":\"UP\""));
			int before = victim.requests();
			gateway.getConcurrently(4, 90, "/");
			assertThat(victim.requests() - before).isPositive();
		}
	}

}
