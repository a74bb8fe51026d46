package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's sessions on a real three-master Redis Cluster, with Spring Boot's
 * {@code spring.data.redis.cluster.nodes}: a login (whose id change moves the session to another slot) holds on the
 * other replica, the locked counter counts every increment, and signing out everywhere finds the user's sessions.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppOnRedisClusterTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static TestRedisCluster cluster;

	private static RunningApp a;

	private static RunningApp b;

	@BeforeAll
	static void startClusterAndReplicas() {
		cluster = TestRedisCluster.start();
		a = replica("cluster-a");
		b = replica("cluster-b");
	}

	@AfterAll
	static void stopAll() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
		cluster.close();
	}

	@Test
	void aLoginOnOneReplicaHoldsOnTheOther(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		assertThat(browser.post(a.uri("/session/counter")).statusCode()).isEqualTo(200);
		String anonymous = browser.cookie("SESSION");
		assertThat(login(browser, a).statusCode()).isEqualTo(200);
		assertThat(browser.cookie("SESSION")).as("a new id on login").isNotEqualTo(anonymous);
		HttpResponse<String> me = browser.get(b.uri("/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(read(browser.get(b.uri("/session/counter"))).get("count").asInt()).isEqualTo(1);
		assertThat(output.getOut()).doesNotContain("CROSSSLOT");
	}

	@Test
	void incrementsOnBothReplicasAreAllCounted() {
		CookieJarClient browser = new CookieJarClient();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			statuses.add(browser.post(((i % 2 == 0) ? a : b).uri("/session/counter")).statusCode());
		}
		assertThat(statuses).containsOnly(200);
		assertThat(read(browser.get(a.uri("/session/counter"))).get("count").asInt()).isEqualTo(20);
	}

	@Test
	void signingOutEverywhereEndsTheSessionsOnEveryReplica() {
		List<CookieJarClient> devices = List.of(new CookieJarClient(), new CookieJarClient(), new CookieJarClient());
		for (int i = 0; i < devices.size(); i++) {
			assertThat(login(devices.get(i), (i % 2 == 0) ? a : b).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> signedOut = devices.get(0).post(b.uri("/sessions/sign-out-everywhere"));
		assertThat(signedOut.statusCode()).isEqualTo(200);
		assertThat(read(signedOut).get("ended").asInt()).isGreaterThanOrEqualTo(3);
		for (CookieJarClient device : devices) {
			assertThat(device.get(a.uri("/me")).statusCode()).isEqualTo(401);
			assertThat(device.get(b.uri("/me")).statusCode()).isEqualTo(401);
		}
	}

	private static HttpResponse<String> login(CookieJarClient browser, RunningApp replica) {
		return browser.postForm(replica.uri("/login"), Map.of("username", "demo", "password", "demo"));
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(cluster.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

}
