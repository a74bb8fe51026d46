package com.example.reactive;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebFlux app's job runs once per tick across its replicas, locked in the same Redis as on a servlet app: no
 * second is counted twice. A tick due while the app shuts down, when its lock store's connection is already closed,
 * is dropped, not failed with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
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

	@Test
	void aTickDueWhileTheAppShutsDownIsDroppedWithoutAnError(CapturedOutput output) {
		TestRedis redis = TestRedis.shared();
		for (int i = 0; i < 3; i++) {
			try (RunningApp app = RunningApp.start(ReactiveApplication.class, redis.springArguments()[0],
					redis.springArguments()[1], "--scaleout.instance.id=closing-" + i)) {
				// closed just before the next second's tick, which then falls while the app shuts down
				await().atMost(Duration.ofSeconds(2))
					.pollInterval(Duration.ofMillis(1))
					.until(() -> System.currentTimeMillis() % 1000 >= 900);
			}
		}
		assertThat(output.getOut().lines().filter((line) -> !line.contains("org.testcontainers")))
			.noneMatch((line) -> line.contains(" ERROR ") || line.startsWith("\tat "));
	}

	private static List<String> ticks(TestRedis redis) {
		return redis.command("KEYS", TickJob.KEY_PREFIX + "*").lines().filter((key) -> !key.isBlank()).toList();
	}

}
