package dev.scaleout.gateway.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways on one real Redis share what an operator decides on either of them, and a
 * gateway that restarts finds it again.
 */
class SharedOperatorSettingsTests {

	private static final String TOKEN = "shared-token";

	@Test
	void aDrainOnOneGatewayAppliesOnTheOtherAndSurvivesItsRestart() {
		try (TestRedis redis = TestRedis.startDedicated(); Backends backends = Backends.start(2)) {
			String[] properties = { "scaleout.gateway.admin.token=" + TOKEN, "scaleout.gateway.strategy=round-robin",
					"scaleout.gateway.slow-start=0s", "spring.data.redis.host=" + redis.host(),
					"spring.data.redis.port=" + redis.port(), "scaleout.gateway.operator.refresh-interval=200ms" };
			LoopbackBackend drained = backends.get(0);
			try (RunningGateway first = RunningGateway.start(backends.all(), properties);
					RunningGateway second = RunningGateway.start(backends.all(), properties)) {
				HttpResponse<String> drain = AdminApiTests.post(first, drained, "drain", TOKEN);
				assertThat(drain.statusCode()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> second.send(HttpRequest.newBuilder(second.adminUri("/api/replicas")))
						.body()
						.contains("\"mode\":\"drain\""));
				int before = drained.requests();
				for (int i = 0; i < 20; i++) {
					assertThat(second.get("/through-the-second").statusCode()).isEqualTo(200);
				}
				assertThat(drained.requests()).as("requests the second gateway sent to the drained replica")
					.isEqualTo(before);
			}
			try (RunningGateway restarted = RunningGateway.start(backends.all(), properties)) {
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(
							restarted.send(HttpRequest.newBuilder(restarted.adminUri("/api/replicas")))
								.body())
						.contains("\"mode\":\"drain\"", "\"changedBy\":\"127.0.0.1\""));
				int before = drained.requests();
				for (int i = 0; i < 10; i++) {
					assertThat(restarted.get("/after-restart").statusCode()).isEqualTo(200);
				}
				assertThat(drained.requests()).isEqualTo(before);
				HttpResponse<String> ready = AdminApiTests.post(restarted, drained, "ready", TOKEN);
				assertThat(ready.statusCode()).isEqualTo(200);
				assertThat(ready.body()).as("the last change stays on record").contains("\"changedBy\":\"127.0.0.1\"");
				for (int i = 0; i < 10; i++) {
					restarted.get("/after-ready");
				}
				assertThat(drained.requests()).isGreaterThan(before);
			}
		}
	}

	@Test
	void whileRedisIsDownTheLastSettingsStayInForce() {
		try (TestRedis redis = TestRedis.startDedicated(); Backends backends = Backends.start(2)) {
			LoopbackBackend maintained = backends.get(0);
			try (RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.admin.token=" + TOKEN,
					"scaleout.gateway.strategy=round-robin", "scaleout.gateway.slow-start=0s",
					"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
					"scaleout.gateway.operator.refresh-interval=100ms")) {
				assertThat(AdminApiTests.post(gateway, maintained, "maint", TOKEN).statusCode()).isEqualTo(200);
				redis.stop();
				int before = maintained.requests();
				for (int i = 0; i < 20; i++) {
					assertThat(gateway.get("/redis-down").statusCode()).isEqualTo(200);
				}
				assertThat(maintained.requests()).isEqualTo(before);
			}
		}
	}

}
