package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.app.Simultaneously;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app turns session locks on: concurrent writing requests of one session, spread over two replicas,
 * lose no update; a request that waits too long is answered 503; reading requests never wait.
 */
class SampleAppSessionLockTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	private static RunningApp a;

	private static RunningApp b;

	@BeforeAll
	static void startReplicas() {
		// A longer wait than the default 5 s: this machine runs other suites alongside, and every request of the
		// test queues on one session.
		a = RunningApp.start(SampleApplication.class, redis.springArguments()[0], redis.springArguments()[1],
				"--scaleout.instance.id=lock-a", "--scaleout.session.lock.timeout=60s");
		b = RunningApp.start(SampleApplication.class, redis.springArguments()[0], redis.springArguments()[1],
				"--scaleout.instance.id=lock-b", "--scaleout.session.lock.timeout=60s");
	}

	@AfterAll
	static void stopReplicas() {
		a.close();
		b.close();
	}

	@Test
	void sixteenClientsIncrementingOneSessionFiftyTimesEachOnTwoReplicasCountEightHundred() {
		CookieJarClient browser = new CookieJarClient();
		assertThat(read(browser.post(a.uri("/session/counter"))).get("count").asInt()).isEqualTo(1);
		List<Integer> statuses = Simultaneously.send(16, 50,
				(client) -> browser.post(((client % 2 == 0) ? a : b).uri("/session/counter")));
		assertThat(statuses).hasSize(800).containsOnly(200);
		assertThat(read(browser.get(b.uri("/session/counter"))).get("count").asInt()).isEqualTo(801);
	}

	@Test
	void aWritingRequestThatCannotGetTheLockInTimeIsAnswered503AndAReadingOneIsNot() {
		try (RunningApp impatient = RunningApp.start(SampleApplication.class, redis.springArguments()[0],
				redis.springArguments()[1], "--scaleout.instance.id=lock-impatient",
				"--scaleout.session.lock.timeout=100ms", "--management.endpoints.web.exposure.include=health,prometheus")) {
			CookieJarClient browser = new CookieJarClient();
			browser.post(impatient.uri("/session/counter"));
			// Another request of the session holds the lock, as if it ran on a replica that hangs.
			redis.command("SET", "{" + sessionKey(browser) + "}:lock", "another-request", "PX", "60000");

			HttpResponse<String> busy = browser.post(impatient.uri("/session/counter"));
			assertThat(busy.statusCode()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(read(busy).get("detail").asString()).contains("Other requests of this session");

			HttpResponse<String> read = browser.get(impatient.uri("/session/counter"));
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read(read).get("count").asInt()).isEqualTo(1);
			assertThat(new CookieJarClient().get(impatient.uri("/actuator/prometheus")).body())
				.contains("scaleout_session_lock_timeouts_total 1.0")
				.contains("scaleout_session_lock_wait_seconds_count");
		}
	}

	private static String sessionKey(CookieJarClient browser) {
		return "spring:session:sessions:"
				+ new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
