package dev.scaleout.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's HTTP contract, on a real server with a real Redis.
 */
class SampleAppEndpointsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.instance.id=solo");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void rootNamesInstanceAndPidAndCreatesNoSession() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("instance").asString()).isEqualTo("solo");
		assertThat(body.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("solo");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void readingACounterThatWasNeverSetCreatesNoSession() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/session/counter"));
		assertThat(json.readTree(response.body()).get("count").asInt()).isZero();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> response = new CookieJarClient().post(app.uri("/session/counter"));
		assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure"));
	}

	@Test
	void observesEveryRequestButNotEverySecurityFilterOrRedisCommand() {
		CookieJarClient client = new CookieJarClient();
		assertThat(client.post(app.uri("/session/counter")).statusCode()).isEqualTo(200);
		assertThat(client.post(app.uri("/session/counter")).statusCode()).isEqualTo(200);
		String metrics = client.get(app.uri("/actuator/prometheus")).body();
		assertThat(metrics).contains("http_server_requests_seconds_count{")
			.doesNotContain("spring_security_")
			.doesNotContain("lettuce_");
	}

	@Test
	void slowAnswersAfterTheRequestedTime() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/slow?ms=50"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("sleptMillis").asInt()).isEqualTo(50);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/slow?ms=-5", "/slow?ms=60001", "/slow?ms=abc", "/slow", "/fib/-1", "/fib/abc",
			"/fib/100000", "/fib/46" })
	void badParametersAreProblemDetails(String path) {
		HttpResponse<String> response = new CookieJarClient().get(app.uri(path));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.scaleout");
	}

	@Test
	void validationProblemNamesTheParameterAndTheRule() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/slow?ms=-5"));
		assertThat(json.readTree(response.body()).get("detail").asString())
			.isEqualTo("ms: must be greater than or equal to 0");
	}

	@Test
	void unknownPathIsNotFoundProblem() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/no-such-thing"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void crossSiteBrowserPostIsRefused() {
		HttpResponse<String> response = new CookieJarClient().send(HttpRequest.newBuilder(app.uri("/session/counter"))
			.header("Sec-Fetch-Site", "cross-site")
			.POST(BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void sameSiteBrowserPostNeedsNoToken() {
		HttpResponse<String> response = new CookieJarClient().send(HttpRequest.newBuilder(app.uri("/session/counter"))
			.header("Sec-Fetch-Site", "same-origin")
			.POST(BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void actuatorExposesHealthInfoAndPrometheusButNotEnv() {
		CookieJarClient client = new CookieJarClient();
		assertThat(client.get(app.uri("/actuator/health/readiness")).statusCode()).isEqualTo(200);
		assertThat(client.get(app.uri("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		assertThat(client.get(app.uri("/actuator/info")).body()).contains("\"id\":\"solo\"");
		assertThat(client.get(app.uri("/actuator/prometheus")).statusCode()).isEqualTo(200);
		for (String hidden : new String[] { "env", "heapdump", "beans", "shutdown" }) {
			assertThat(client.get(app.uri("/actuator/" + hidden)).statusCode()).as(hidden).isEqualTo(404);
		}
	}

	@Test
	void replicationReportFindsNothingAndCountsTheTickJobAsClusterOnce() {
		HttpResponse<String> response = new CookieJarClient().get(app.uri("/actuator/replication"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode report = json.readTree(response.body());
		assertThat(report.get("instance").asString()).isEqualTo("solo");
		assertThat(report.get("findings").isEmpty()).as(response.body()).isTrue();
		assertThat(report.get("setUp").values().stream().map(JsonNode::asString))
			.contains("Cluster-once jobs: TickJob#tick runs on one replica per tick, locked in Redis under"
					+ " job-lock:scaleout-sample:<lock name>");
	}

}
