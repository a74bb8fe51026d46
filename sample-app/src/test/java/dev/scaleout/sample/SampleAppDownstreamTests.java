package dev.scaleout.sample;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /downstream} against a real downstream server on loopback.
 */
class SampleAppDownstreamTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersFromDownstreamThenFallsBackAndOpensTheCircuitWhenDownstreamFails() {
		try (LoopbackBackend downstream = LoopbackBackend.start("inventory");
				RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments()[0],
						TestRedis.shared().springArguments()[1], "--scaleout.sample.downstream-url=" + downstream.url())) {
			CookieJarClient client = new CookieJarClient();
			JsonNode ok = json.readTree(client.get(app.uri("/downstream")).body());
			assertThat(ok.get("source").asString()).isEqualTo("downstream");

			downstream.respondWith(500);
			for (int i = 0; i < 5; i++) {
				JsonNode fallback = json.readTree(client.get(app.uri("/downstream")).body());
				assertThat(fallback.get("source").asString()).isEqualTo("fallback");
			}
			int served = downstream.requests();
			JsonNode open = json.readTree(client.get(app.uri("/downstream")).body());
			assertThat(open.get("source").asString()).isEqualTo("fallback");
			assertThat(open.get("circuit").asString()).isEqualTo("OPEN");
			assertThat(downstream.requests()).as("no call while the circuit is open").isEqualTo(served);
			assertThat(client.get(app.uri("/actuator/circuitbreakers")).body()).contains("\"downstream\"")
				.contains("\"state\":\"OPEN\"");
			assertThat(client.get(app.uri("/actuator/prometheus")).body())
				.contains("resilience4j_circuitbreaker_state{name=\"downstream\",state=\"open\"} 1.0");
		}
	}

	@Test
	void deadDownstreamFallsBackWith200() {
		try (RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments())) {
			var response = new CookieJarClient().get(app.uri("/downstream"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("source").asString()).isEqualTo("fallback");
		}
	}

}
