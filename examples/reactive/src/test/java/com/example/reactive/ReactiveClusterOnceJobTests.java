package com.example.reactive;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebFlux app's job runs once per tick across its replicas, locked in the same Redis as on a servlet app: no
 * second is counted twice.
 */
class ReactiveClusterOnceJobTests {

	@Test
	void twoReplicasRunEachTickOnce() {
		try (TestRedis redis = TestRedis.startDedicated();
				RunningApp first = RunningApp.start(ReactiveApplication.class, redis.springArguments()[0],
						redis.springArguments()[1], "--scaleout.instance.id=ticker-a");
				RunningApp second = RunningApp.start(ReactiveApplication.class, redis.springArguments()[0],
						redis.springArguments()[1], "--scaleout.instance.id=ticker-b")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> ticks(redis).size() >= 4);
			for (String tick : ticks(redis)) {
				assertThat(redis.command("GET", tick).strip()).as(tick).isEqualTo("1");
			}
		}
	}

	private static List<String> ticks(TestRedis redis) {
		return redis.command("KEYS", TickJob.KEY_PREFIX + "*").lines().filter((key) -> !key.isBlank()).toList();
	}

}
