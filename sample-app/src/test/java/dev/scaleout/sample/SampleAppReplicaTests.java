package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the sample app, each a full application on its own port, sharing one real Redis: the test kit's
 * {@code @ReplicatedSpringBootTest}, as a user of the starter writes it.
 */
@ReplicatedSpringBootTest(replicas = 2)
class SampleAppReplicaTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void sessionCounterContinuesAcrossReplicas(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		List<Integer> counts = new ArrayList<>();
		Set<String> instances = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			JsonNode body = read(browser.post("/session/counter"));
			counts.add(body.get("count").asInt());
			instances.add(body.get("instance").asString());
		}
		assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(instances).containsExactlyInAnyOrder("replica-a", "replica-b");
		assertThat(read(browser.onReplica(0).get("/session/counter")).get("count").asInt()).isEqualTo(6);
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void loginOnOneReplicaHoldsOnTheOther(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		HttpResponse<String> login = browser.onReplica(0)
			.postForm("/login", Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		HttpResponse<String> me = browser.onReplica(1).get("/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(read(me).get("user").asString()).isEqualTo("demo");
		assertThat(read(me).get("instance").asString()).isEqualTo("replica-b");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void logoutOnOneReplicaEndsTheSessionOnEveryReplica(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		browser.onReplica(0).postForm("/login", Map.of("username", "demo", "password", "demo"));
		assertThat(browser.onReplica(0).get("/me").statusCode()).isEqualTo(200);
		String session = browser.cookie("SESSION");
		assertThat(browser.onReplica(1).post("/logout").statusCode()).isEqualTo(204);
		HttpResponse<String> replay = replicas.client()
			.onReplica(0)
			.send("/me", (request) -> request.header("Cookie", "SESSION=" + session));
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(replicas.redis().command("EXISTS", sessionKey(session))).isEqualTo("0");
	}

	@Test
	void anonymousMeIsUnauthorizedProblem(Replicas replicas) {
		HttpResponse<String> me = replicas.client().onReplica(1).get("/me");
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(me).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void wrongPasswordIsUnauthorizedProblemAndEstablishesNoLogin(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		HttpResponse<String> login = browser.onReplica(0)
			.postForm("/login", Map.of("username", "demo", "password", "x"));
		assertThat(login.statusCode()).isEqualTo(401);
		assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(browser.onReplica(1).get("/me").statusCode()).isEqualTo(401);
	}

	@Test
	void sessionValuesInRedisAreJsonNotJdkSerialization(Replicas replicas) {
		ReplicaClient browser = replicas.client().onReplica(0);
		browser.post("/session/counter");
		browser.postForm("/login", Map.of("username", "demo", "password", "demo"));
		TestRedis redis = replicas.redis();
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

	@Test
	void theSampleAppHasNoReplicationFinding(Replicas replicas) {
		assertThat(replicas).hasNoReplicationFindings();
	}

	private static String sessionKey(String cookieValue) {
		return "spring:session:sessions:" + new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
