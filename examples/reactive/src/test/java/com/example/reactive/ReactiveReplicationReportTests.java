package com.example.reactive;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication report of the WebFlux app, at {@code /actuator/replication} as for a servlet app: what is set up
 * for many replicas, the reactive twins included, and nothing found that breaks under many.
 */
class ReactiveReplicationReportTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theEndpointListsWhatIsSetUpForManyReplicas() {
		try (RunningApp app = RunningApp.start(ReactiveApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.instance.id=report-reactive")) {
			HttpResponse<String> response = new CookieJarClient().get(app.uri("/actuator/replication"));
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode report = json.readTree(response.body());
			assertThat(report.get("instance").asString()).isEqualTo("report-reactive");
			assertThat(texts(report.get("setUp"))).anySatisfy((line) -> assertThat(line).startsWith("Drain on SIGTERM"))
				.anySatisfy((line) -> assertThat(line).startsWith("Work pool:"))
				.anySatisfy((line) -> assertThat(line).startsWith("Forwarded headers")
					.contains("scaleout.forwarded.internal-proxies"))
				.anySatisfy((line) -> assertThat(line).startsWith("Cluster-once jobs:").contains("TickJob#tick"));
			assertThat(report.get("findings")).isEmpty();
		}
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.isString() ? node.asString() : node.toString()));
		return texts;
	}

}
