package com.example.reactive;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.app.Simultaneously;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of a WebFlux app on the starter share one WebSession through Redis; with session
 * locks, concurrent writing requests of one session on both replicas run one at a time and lose
 * no update; and while Redis is down what needs the session answers 503 with Retry-After while
 * the rest keeps working; a writing request that cannot take its session's lock in time is answered
 * 503 with Retry-After.
 */
class ReactiveReplicasShareSessionsTests {

	@Test
	void oneCookieJarCountsOnAcrossBothReplicas() {
		try (TestRedis redis = TestRedis.startDedicated(); RunningApp first = start(redis, "reactive-a");
				RunningApp second = start(redis, "reactive-b")) {
			CookieJarClient browser = new CookieJarClient();
			List<String> counts = new ArrayList<>();
			List<String> instances = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				RunningApp replica = (i % 2 == 0) ? first : second;
				HttpResponse<String> response = browser.post(replica.baseUri().resolve("/session/counter"));
				assertThat(response.statusCode()).isEqualTo(200);
				counts.add(response.body());
				instances.add(response.headers().firstValue("X-Instance-Id").orElse(""));
			}
			assertThat(counts).containsExactly("1", "2", "3", "4", "5", "6");
			assertThat(instances).containsOnly("reactive-a", "reactive-b");
			assertThat(browser.cookie("SESSION")).as("the session id, Base64 as on a servlet replica")
				.isBase64();
		}
	}

	@Test
	void aWritingRequestThatCannotTakeItsSessionsLockInTimeIsAnswered503WithRetryAfter() {
		try (TestRedis redis = TestRedis.startDedicated();
				RunningApp replica = start(redis, "reactive-a", "--scaleout.session.lock.enabled=true",
						"--scaleout.session.lock.timeout=300ms", "--scaleout.session.retry-after=3s")) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.post(replica.baseUri().resolve("/session/counter")).body()).isEqualTo("1");
			String sessionId = new String(Base64.getDecoder().decode(browser.cookie("SESSION")),
					StandardCharsets.UTF_8);
			// a request on another replica holds the lock, as long as its lease runs
			String lock = "{spring:session:sessions:" + sessionId + "}:lock";
			assertThat(redis.command("SET", lock, "another-request", "PX", "30000")).isEqualTo("OK");

			HttpResponse<String> busy = browser.post(replica.baseUri().resolve("/session/counter"));
			assertThat(busy.statusCode()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("3");
			assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(busy.body()).contains("\"status\":503").doesNotContain("Exception");
			assertThat(browser.get(replica.baseUri().resolve("/session/counter")).body())
				.as("a reading request takes no lock").isEqualTo("1");

			redis.command("DEL", lock);
			assertThat(browser.post(replica.baseUri().resolve("/session/counter")).body())
				.as("the refused request changed nothing").isEqualTo("2");
		}
	}

	@Test
	void whileRedisIsDownTheSessionAnswers503AndTheRestWorks() {
		try (TestRedis redis = TestRedis.startDedicated(); RunningApp replica = start(redis, "reactive-a")) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.post(replica.baseUri().resolve("/session/counter")).body()).isEqualTo("1");
			redis.stop();
			HttpResponse<String> unavailable = browser.post(replica.baseUri().resolve("/session/counter"));
			assertThat(unavailable.statusCode()).isEqualTo(503);
			assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
			assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(browser.get(replica.baseUri().resolve("/hello")).statusCode()).isEqualTo(200);
			redis.start();
			// Lettuce reconnects on its own schedule: the session works again once it has
			await().atMost(Duration.ofSeconds(30))
				.until(() -> browser.post(replica.baseUri().resolve("/session/counter")).statusCode() == 200);
		}
	}

	@Test
	void withSessionLocksConcurrentIncrementsOnBothReplicasLoseNoUpdate() {
		TestRedis redis = TestRedis.shared();
		try (RunningApp first = start(redis, "reactive-a", "--scaleout.session.lock.enabled=true",
				"--scaleout.session.lock.timeout=60s");
				RunningApp second = start(redis, "reactive-b", "--scaleout.session.lock.enabled=true",
						"--scaleout.session.lock.timeout=60s")) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.post(first.uri("/session/counter")).body()).isEqualTo("1");
			List<Integer> statuses = Simultaneously.send(8, 10,
					(i) -> browser.post(((i % 2 == 0) ? first : second).uri("/session/counter")));
			assertThat(statuses).hasSize(80).containsOnly(200);
			assertThat(browser.get(second.uri("/session/counter")).body()).isEqualTo("81");
		}
	}

	private static RunningApp start(TestRedis redis, String instance, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port(), "--scaleout.instance.id=" + instance));
		args.addAll(List.of(arguments));
		return RunningApp.start(ReactiveApplication.class, args.toArray(String[]::new));
	}

}
