package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the sample app, each a full application on its own port, sharing one real Redis.
 */
class SampleAppReplicaTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	private static RunningApp a;

	private static RunningApp b;

	@BeforeAll
	static void startReplicas() {
		a = replica("replica-a");
		b = replica("replica-b");
	}

	@AfterAll
	static void stopReplicas() {
		a.close();
		b.close();
	}

	@Test
	void sessionCounterContinuesAcrossReplicas() {
		CookieJarClient browser = new CookieJarClient();
		List<Integer> counts = new ArrayList<>();
		Set<String> instances = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			RunningApp replica = (i % 2 == 0) ? a : b;
			JsonNode body = read(browser.post(replica.uri("/session/counter")));
			counts.add(body.get("count").asInt());
			instances.add(body.get("instance").asString());
		}
		assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(instances).containsExactlyInAnyOrder("replica-a", "replica-b");
		assertThat(read(browser.get(a.uri("/session/counter"))).get("count").asInt()).isEqualTo(6);
	}

	@Test
	void loginOnOneReplicaHoldsOnTheOther() {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> login = browser.postForm(a.uri("/login"), Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		HttpResponse<String> me = browser.get(b.uri("/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(read(me).get("user").asString()).isEqualTo("demo");
		assertThat(read(me).get("instance").asString()).isEqualTo("replica-b");
	}

	@Test
	void logoutOnOneReplicaEndsTheSessionOnEveryReplica() {
		CookieJarClient browser = new CookieJarClient();
		browser.postForm(a.uri("/login"), Map.of("username", "demo", "password", "demo"));
		assertThat(browser.get(a.uri("/me")).statusCode()).isEqualTo(200);
		String session = browser.cookie("SESSION");
		assertThat(browser.post(b.uri("/logout")).statusCode()).isEqualTo(204);
		CookieJarClient stolenCookie = new CookieJarClient();
		HttpResponse<String> replay = stolenCookie.send(java.net.http.HttpRequest.newBuilder(a.uri("/me"))
			.header("Cookie", "SESSION=" + session));
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(redis.command("EXISTS", sessionKey(session))).isEqualTo("0");
	}

	@Test
	void anonymousMeIsUnauthorizedProblem() {
		HttpResponse<String> me = new CookieJarClient().get(b.uri("/me"));
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(me).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void wrongPasswordIsUnauthorizedProblemAndEstablishesNoLogin() {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> login = browser.postForm(a.uri("/login"), Map.of("username", "demo", "password", "x"));
		assertThat(login.statusCode()).isEqualTo(401);
		assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(browser.get(b.uri("/me")).statusCode()).isEqualTo(401);
	}

	@Test
	void sessionValuesInRedisAreJsonNotJdkSerialization() {
		CookieJarClient browser = new CookieJarClient();
		browser.post(a.uri("/session/counter"));
		browser.postForm(a.uri("/login"), Map.of("username", "demo", "password", "demo"));
		String key = sessionKey(browser.cookie("SESSION"));
		String counter = redis.command("HGET", key, "sessionAttr:counter");
		String securityContext = redis.command("HGET", key, "sessionAttr:SPRING_SECURITY_CONTEXT");
		assertThat(counter).isEqualTo("1");
		assertThat(securityContext).startsWith("{").contains("\"demo\"");
		for (String field : redis.command("HKEYS", key).split("\n")) {
			// A JDK serialization stream starts with the magic bytes 0xACED; JSON here starts with {, [, " or a digit.
			assertThat(redis.command("HGET", key, field)).as(field).matches("[\\[{\"0-9-].*");
		}
	}

	private static String sessionKey(String cookieValue) {
		return "spring:session:sessions:" + new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

}
