package dev.scaleout.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's job runs every second on one replica per tick, however many replicas share the Redis.
 */
class SampleAppClusterOnceJobTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void threeReplicasTickAboutOncePerSecondInTotalNotThreeTimes() throws Exception {
		try (TestRedis redis = TestRedis.startDedicated()) {
			List<RunningApp> replicas = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					replicas.add(RunningApp.start(SampleApplication.class, redis.springArguments()[0],
							redis.springArguments()[1], "--scaleout.instance.id=ticker-" + i));
				}
				RunningApp any = replicas.get(0);
				long first = ticks(any);
				long start = System.nanoTime();
				// Six ticks of wall-clock time: three replicas each running every tick would add about 18.
				await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
				long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
				long added = ticks(any) - first;
				assertThat(added).isBetween(seconds - 2, seconds + 1);
			}
			finally {
				replicas.forEach(RunningApp::close);
			}
		}
	}

	private static long ticks(RunningApp app) {
		return json.readTree(new CookieJarClient().get(app.uri("/jobs/ticks")).body()).get("ticks").asLong();
	}

}
