package dev.scaleout.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's sessions across three replicas, found through the starter's principal index on a plain Redis: sign out
 * everywhere, Spring Security's limit on sessions per user, and Spring Boot's {@code sessions} endpoint.
 */
class SampleAppSessionsByUserTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	private static final String USER = "carol";

	private static final int MAX_SESSIONS = 3;

	private static final List<RunningApp> replicas = new ArrayList<>();

	@BeforeAll
	static void startReplicas() {
		for (String id : List.of("by-user-a", "by-user-b", "by-user-c")) {
			replicas.add(RunningApp.start(SampleApplication.class, redis.springArguments()[0],
					redis.springArguments()[1], "--scaleout.instance.id=" + id, "--scaleout.sample.user.name=" + USER,
					"--scaleout.sample.user.password={noop}secret",
					"--scaleout.sample.user.max-sessions=" + MAX_SESSIONS,
					"--management.endpoints.web.exposure.include=health,sessions"));
		}
	}

	@AfterAll
	static void stopReplicas() {
		replicas.forEach(RunningApp::close);
	}

	@BeforeEach
	void forgetEarlierSessionsOfTheUser() {
		redis.command("DEL", "spring:session:index:" + USER);
	}

	@Test
	void signingOutEverywhereEndsTheUsersSessionsOnEveryReplica() {
		List<CookieJarClient> devices = List.of(loggedIn(0), loggedIn(1), loggedIn(2));
		for (int i = 0; i < 3; i++) {
			assertThat(devices.get(i).get(replica(i + 1).uri("/me")).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> signedOut = devices.get(1).post(replica(1).uri("/sessions/sign-out-everywhere"));
		assertThat(signedOut.statusCode()).isEqualTo(200);
		assertThat(read(signedOut).get("ended").asInt()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			assertThat(devices.get(i).get(replica(i + 2).uri("/me")).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> listed = new CookieJarClient().get(replica(0).uri("/actuator/sessions?username=" + USER));
		assertThat(read(listed).get("sessions").isEmpty()).isTrue();
		assertThat(redis.command("EXISTS", "spring:session:index:" + USER)).as("pruned by the lookup").isEqualTo("0");
	}

	@Test
	void aLoginBeyondTheLimitEndsTheLeastRecentlyUsedSessionWhicheverReplicaHoldsIt() {
		List<CookieJarClient> devices = new ArrayList<>();
		for (int i = 0; i < MAX_SESSIONS + 1; i++) {
			devices.add(loggedIn(i));
		}
		HttpResponse<String> oldest = devices.get(0).get(replica(1).uri("/me"));
		assertThat(oldest.statusCode()).isEqualTo(401);
		assertThat(oldest.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(oldest).get("detail").asString()).contains("logged in elsewhere");
		for (int i = 1; i <= MAX_SESSIONS; i++) {
			assertThat(devices.get(i).get(replica(i).uri("/me")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void springBootsSessionsEndpointListsAndEndsTheUsersSessions() {
		CookieJarClient phone = loggedIn(0);
		CookieJarClient laptop = loggedIn(1);
		HttpResponse<String> listed = new CookieJarClient().get(replica(2).uri("/actuator/sessions?username=" + USER));
		assertThat(listed.statusCode()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		read(listed).get("sessions").forEach((session) -> ids.add(session.get("id").asString()));
		assertThat(ids).containsExactlyInAnyOrder(sessionId(phone), sessionId(laptop));
		HttpResponse<String> deleted = new CookieJarClient()
			.send(HttpRequest.newBuilder(replica(2).uri("/actuator/sessions/" + sessionId(phone))).DELETE());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(phone.get(replica(1).uri("/me")).statusCode()).isEqualTo(401);
		assertThat(laptop.get(replica(0).uri("/me")).statusCode()).isEqualTo(200);
	}

	private static CookieJarClient loggedIn(int replica) {
		CookieJarClient device = new CookieJarClient();
		HttpResponse<String> login = device.postForm(replica(replica).uri("/login"),
				Map.of("username", USER, "password", "secret"));
		assertThat(login.statusCode()).isEqualTo(200);
		return device;
	}

	private static String sessionId(CookieJarClient device) {
		return new String(Base64.getDecoder().decode(device.cookie("SESSION")), StandardCharsets.UTF_8);
	}

	private static RunningApp replica(int i) {
		return replicas.get(i % replicas.size());
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
