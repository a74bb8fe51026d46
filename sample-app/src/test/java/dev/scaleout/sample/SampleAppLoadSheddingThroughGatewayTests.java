package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.app.Simultaneously;
import dev.scaleout.test.gateway.GatewayProcess;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas that answer 503 with {@code Retry-After} on purpose — the work pool shedding load, the session store
 * down — behind the real gateway (its jar), which here ejects a replica after two consecutive gateway failures: such
 * answers are not failures of the replica, so none is ejected and every replica stays UP.
 */
class SampleAppLoadSheddingThroughGatewayTests {

	private static final Pattern EJECTIONS = Pattern.compile("\"ejections\":(\\d+)");

	private static TestRedis redis;

	private static RunningApp a;

	private static RunningApp b;

	private static GatewayProcess gateway;

	@BeforeAll
	static void startReplicasAndGateway() {
		redis = TestRedis.startDedicated();
		a = replica("shedding-a");
		b = replica("shedding-b");
		gateway = GatewayProcess.start(List.of(a.baseUri(), b.baseUri()), "scaleout.gateway.ejection.consecutive-failures=2");
	}

	@AfterAll
	static void stopAll() {
		if (gateway != null) {
			gateway.close();
		}
		a.close();
		b.close();
		redis.close();
	}

	@Test
	void aWorkPoolSheddingLoadIsNotEjected() {
		CookieJarClient client = new CookieJarClient();
		List<HttpResponse<String>> shed = new ArrayList<>();
		List<Integer> statuses = Simultaneously.send(12, 5, (i) -> {
			HttpResponse<String> response = client.get(gateway.uri("/fib/32"));
			if (response.statusCode() == 503) {
				synchronized (shed) {
					shed.add(response);
				}
			}
			return response;
		});
		assertThat(statuses).containsOnly(200, 503).contains(200, 503);
		assertThat(shed).allSatisfy((response) -> assertThat(response.headers().firstValue("Retry-After")).isPresent());
		assertEveryReplicaUpAndNeverEjected();
	}

	@Test
	void aSessionStoreOutageIsNotEjected() {
		CookieJarClient browser = new CookieJarClient();
		assertThat(browser.post(gateway.uri("/session/counter")).statusCode()).isEqualTo(200);
		redis.stop();
		try {
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				answers.add(browser.post(gateway.uri("/session/counter")));
			}
			assertThat(answers).allSatisfy((response) -> {
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			});
			assertEveryReplicaUpAndNeverEjected();
		}
		finally {
			redis.start();
		}
		// Lettuce reconnects by itself once Redis is back.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(browser.post(gateway.uri("/session/counter")).statusCode()).isEqualTo(200));
		assertEveryReplicaUpAndNeverEjected();
	}

	private static void assertEveryReplicaUpAndNeverEjected() {
		assertThat(gateway.upReplicas()).isEqualTo(2);
		String backends = new CookieJarClient().get(gateway.uri("/actuator/backends")).body();
		Matcher ejections = EJECTIONS.matcher(backends);
		List<Integer> counts = new ArrayList<>();
		while (ejections.find()) {
			counts.add(Integer.parseInt(ejections.group(1)));
		}
		assertThat(counts).as(backends).containsExactly(0, 0);
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		args.add("--scaleout.work.threads=1");
		args.add("--scaleout.work.queue=1");
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

}
