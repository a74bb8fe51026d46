package dev.scaleout.gateway.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API on its own port: reads for anyone who reaches it, changes with the token
 * only, and what each change does to the traffic of real backends behind the gateway.
 */
class AdminApiTests {

	private static final String TOKEN = "s3cret-admin-token";

	private static final String[] WITH_TOKEN = { "scaleout.gateway.admin.token=" + TOKEN,
			"scaleout.gateway.strategy=round-robin", "scaleout.gateway.slow-start=0s",
			"scaleout.gateway.health.interval=200ms" };

	@Test
	void listsEveryReplicaWithItsStateModeAndWeight() {
		try (Backends backends = Backends.start(2); RunningGateway gateway = RunningGateway.start(backends.all())) {
			HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.adminUri("/api/replicas")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"readOnly\":true", "\"address\":\"" + address(backends.get(0)) + "\"",
					"\"address\":\"" + address(backends.get(1)) + "\"", "\"mode\":\"ready\"");
		}
	}

	@Test
	void withoutATokenSetTheApiIsReadOnly() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			HttpResponse<String> response = post(gateway, backends.get(0), "drain", TOKEN);
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("scaleout.gateway.admin.token");
		}
	}

	@Test
	void changesNeedTheToken() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), WITH_TOKEN)) {
			HttpResponse<String> wrong = post(gateway, backends.get(0), "drain", "guess");
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
			assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(post(gateway, backends.get(0), "drain", null).statusCode()).isEqualTo(401);
			assertThat(gateway.get("/anything").statusCode()).as("still in rotation").isEqualTo(200);
		}
	}

	@Test
	void refusesUnknownReplicasActionsAndBadWeightsWithProblems() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), WITH_TOKEN)) {
			HttpResponse<String> unknown = gateway.send(HttpRequest
				.newBuilder(gateway.adminUri("/api/replicas/127.0.0.1:1/drain"))
				.header("Authorization", "Bearer " + TOKEN)
				.POST(BodyPublishers.noBody()));
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unknown.body()).contains("GET /api/replicas lists");
			assertThat(post(gateway, backends.get(0), "explode", TOKEN).statusCode()).isEqualTo(404);
			for (String body : new String[] { "{\"weight\":0}", "{\"weight\":1001}", "{\"weight\":\"ten\"}", "{",
					"" }) {
				HttpResponse<String> response = weight(gateway, backends.get(0), body);
				assertThat(response.statusCode()).as(body).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).as(body)
					.hasValue("application/problem+json");
			}
			HttpResponse<String> elsewhere = gateway.send(HttpRequest.newBuilder(gateway.adminUri("/actuator/env")));
			assertThat(elsewhere.statusCode()).isEqualTo(404);
			assertThat(elsewhere.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	@Test
	void aDrainedReplicaFinishesItsRequestsAndGetsNoNewOnesUntilReady() throws Exception {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), WITH_TOKEN)) {
			LoopbackBackend drained = backends.get(0).delay(Duration.ofSeconds(2));
			CompletableFuture<HttpResponse<String>> inFlight = new CompletableFuture<>();
			Thread client = new Thread(() -> {
				while (!inFlight.isDone()) {
					HttpResponse<String> response = gateway.get("/slow");
					if (response.headers().firstValue("X-Instance-Id").orElse("").equals(drained.instanceId())) {
						inFlight.complete(response);
					}
				}
			});
			client.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> drained.requests() > 0);
			HttpResponse<String> drain = post(gateway, drained, "drain", TOKEN);
			assertThat(drain.statusCode()).isEqualTo(200);
			assertThat(drain.body()).contains("\"state\":\"DRAIN\"", "\"mode\":\"drain\"", "\"changedBy\":\"127.0.0.1\"");
			assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).as("the request in flight").isEqualTo(200);
			drained.delay(Duration.ZERO);
			int before = drained.requests();
			for (int i = 0; i < 20; i++) {
				assertThat(gateway.get("/after-drain").statusCode()).isEqualTo(200);
			}
			assertThat(drained.requests()).as("new requests to the drained replica").isEqualTo(before);
			int checks = drained.healthChecks();
			await().atMost(Duration.ofSeconds(5)).until(() -> drained.healthChecks() > checks);

			assertThat(post(gateway, drained, "ready", TOKEN).statusCode()).isEqualTo(200);
			for (int i = 0; i < 20; i++) {
				gateway.get("/after-ready");
			}
			assertThat(drained.requests()).isGreaterThan(before);
		}
	}

	@Test
	void aReplicaInMaintenanceGetsNeitherRequestsNorHealthChecks() throws Exception {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), WITH_TOKEN)) {
			LoopbackBackend maintained = backends.get(0);
			assertThat(post(gateway, maintained, "maint", TOKEN).body()).contains("\"state\":\"MAINT\"");
			Thread.sleep(500); // a probe already under way may still land
			int requests = maintained.requests();
			int checks = maintained.healthChecks();
			for (int i = 0; i < 20; i++) {
				assertThat(gateway.get("/during-maintenance").statusCode()).isEqualTo(200);
			}
			int otherChecks = backends.get(1).healthChecks();
			await().atMost(Duration.ofSeconds(5)).until(() -> backends.get(1).healthChecks() > otherChecks + 3);
			assertThat(maintained.requests()).isEqualTo(requests);
			assertThat(maintained.healthChecks()).isEqualTo(checks);
		}
	}

	@Test
	void aRuntimeWeightSharesTheTrafficInProportion() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), WITH_TOKEN)) {
			HttpResponse<String> response = weight(gateway, backends.get(0), "{\"weight\":3}");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"weight\":3");
			int first = backends.get(0).requests();
			int second = backends.get(1).requests();
			for (int i = 0; i < 40; i++) {
				gateway.get("/weighted");
			}
			assertThat(backends.get(0).requests() - first).isEqualTo(30);
			assertThat(backends.get(1).requests() - second).isEqualTo(10);
		}
	}

	@Test
	void aReplicaThatLeavesThePoolTakesItsSettingWithIt(@TempDir Path directory) throws Exception {
		try (Backends backends = Backends.start(2)) {
			Path file = directory.resolve("backends");
			Files.writeString(file, backends.get(0).url() + "\n" + backends.get(1).url() + "\n");
			try (RunningGateway gateway = RunningGateway.start(WITH_TOKEN[0], WITH_TOKEN[1], WITH_TOKEN[2],
					"scaleout.gateway.discovery=file", "scaleout.gateway.file.path=" + file,
					"scaleout.gateway.file.refresh-interval=100ms")) {
				await().atMost(Duration.ofSeconds(5)).until(() -> list(gateway).contains(address(backends.get(1))));
				assertThat(post(gateway, backends.get(1), "maint", TOKEN).statusCode()).isEqualTo(200);
				Files.writeString(file, backends.get(0).url() + "\n");
				await().atMost(Duration.ofSeconds(5)).until(() -> !list(gateway).contains(address(backends.get(1))));
				Files.writeString(file, backends.get(0).url() + "\n" + backends.get(1).url() + "\n");
				await().atMost(Duration.ofSeconds(5)).until(() -> list(gateway).contains(address(backends.get(1))));
				assertThat(list(gateway)).doesNotContain("\"mode\":\"maint\"");
			}
		}
	}

	private static String list(RunningGateway gateway) {
		return gateway.send(HttpRequest.newBuilder(gateway.adminUri("/api/replicas"))).body();
	}

	static String address(LoopbackBackend backend) {
		return "127.0.0.1:" + backend.port();
	}

	static HttpResponse<String> post(RunningGateway gateway, LoopbackBackend backend, String action, String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(gateway.adminUri("/api/replicas/" + address(backend) + "/" + action))
			.POST(BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return gateway.send(request);
	}

	static HttpResponse<String> weight(RunningGateway gateway, LoopbackBackend backend, String body) {
		return gateway.send(HttpRequest.newBuilder(gateway.adminUri("/api/replicas/" + address(backend) + "/weight"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(body)));
	}

}
