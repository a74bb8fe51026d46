package dev.scaleout.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling across two replicas on one Redis: failed logins are counted per user name and per client address
 * (the one a trusted proxy forwards), whichever replica sees them; past the free ones every login attempt is 429
 * with Retry-After on every replica, and each failed login is one log line.
 * <p>
 * The first lockout is ten minutes here, so that no lockout can end while a test runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppLoginThrottlingTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	private static final String USER = "throttled-" + UUID.randomUUID();

	private static final List<RunningApp> replicas = new ArrayList<>();

	private final String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

	@BeforeAll
	static void startReplicas() {
		for (String id : List.of("throttle-a", "throttle-b")) {
			replicas.add(RunningApp.start(SampleApplication.class, redis.springArguments()[0],
					redis.springArguments()[1], "--scaleout.instance.id=" + id, "--scaleout.sample.user.name=" + USER,
					"--scaleout.sample.user.password={noop}secret", "--scaleout.sample.login.first-lockout=10m",
					"--scaleout.sample.login.max-lockout=1h", "--scaleout.sample.login.forget-after=2h"));
		}
	}

	@AfterAll
	static void stopReplicas() {
		replicas.forEach(RunningApp::close);
	}

	@BeforeEach
	void forgetEarlierFailures() {
		for (String subject : List.of("{user:" + USER + "}", "{address:" + this.address + "}")) {
			redis.command("DEL", "scaleout-sample:login:" + subject + ":failures",
					"scaleout-sample:login:" + subject + ":lockout");
		}
	}

	@Test
	void fortyWrongPasswordsThenTheRightOneAreThrottledOnBothReplicasEachFailureLoggedOnce(CapturedOutput output) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			statuses.add(login(i, USER, "wrong-" + i).statusCode());
		}
		assertThat(statuses.subList(0, 6)).as("five free failures, then the one that locks").containsOnly(401);
		assertThat(statuses.subList(6, 40)).containsOnly(429);
		for (int replica = 0; replica < 2; replica++) {
			HttpResponse<String> right = login(replica, USER, "secret");
			assertThat(right.statusCode()).isEqualTo(429);
			assertThat(right.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(
					(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
			JsonNode problem = json.readTree(right.body());
			assertThat(problem.get("status").asInt()).isEqualTo(429);
			assertThat(problem.get("detail").asString()).contains("Too many failed logins");
		}
		String from = "Failed login for user '" + USER + "' from " + this.address + ": ";
		assertThat(occurrences(output.getOut(), from + "Bad credentials")).isEqualTo(6);
		assertThat(occurrences(output.getOut(), from + "locked out, ")).isEqualTo(36);
		assertThat(output.getOut()).containsOnlyOnce(from + "Bad credentials; further logins locked out for 600 s");
	}

	@Test
	void manyUserNamesFromOneAddressLockOutTheAddressButNotTheUser() {
		for (int i = 0; i < 21; i++) {
			assertThat(login(i, "guess-" + i + "-" + UUID.randomUUID(), "wrong").statusCode()).isEqualTo(401);
		}
		assertThat(login(0, USER, "secret").statusCode()).isEqualTo(429);
		assertThat(login(1, USER, "secret", "198.51.100.7").statusCode()).as("from another address").isEqualTo(200);
	}

	@Test
	void aLoginForgetsTheFailuresOfItsUserName() {
		for (int i = 0; i < 5; i++) {
			assertThat(login(i, USER, "wrong").statusCode()).isEqualTo(401);
		}
		assertThat(login(0, USER, "secret").statusCode()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(login(i, USER, "wrong", "198.51.100." + (10 + i)).statusCode()).as("free again")
				.isEqualTo(401);
		}
	}

	private HttpResponse<String> login(int replica, String user, String password) {
		return login(replica, user, password, this.address);
	}

	private static HttpResponse<String> login(int replica, String user, String password, String address) {
		String body = "username=" + encode(user) + "&password=" + encode(password);
		return new CookieJarClient().send(HttpRequest.newBuilder(replicas.get(replica % 2).uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", address)
			.POST(BodyPublishers.ofString(body)));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
