package dev.scaleout.it;

import java.time.Duration;

import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica started by a supervisor stops when the supervisor is gone, even after a SIGKILL of the supervisor.
 */
class ExitWithParentIntegrationTests {

	@Test
	void replicaShutsDownWhenItsParentProcessIsKilled() throws Exception {
		Process parent = new ProcessBuilder("sleep", "60").start();
		try {
			RunningApp app = RunningApp.start(ReplicaTestApplication.class, TestRedis.shared().springArguments()[0],
					TestRedis.shared().springArguments()[1], "--scaleout.shutdown.parent-pid=" + parent.pid());
			assertThat(app.context().isActive()).isTrue();
			parent.destroyForcibly();
			await().atMost(Duration.ofSeconds(20)).until(() -> !app.context().isActive());
		}
		finally {
			parent.destroyForcibly();
		}
	}

	@Test
	void replicaKeepsRunningWhileItsParentLives() throws Exception {
		Process parent = new ProcessBuilder("sleep", "60").start();
		try (RunningApp app = RunningApp.start(ReplicaTestApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.shutdown.parent-pid=" + parent.pid())) {
			await().pollDelay(Duration.ofMillis(500)).until(() -> true);
			assertThat(app.context().isActive()).isTrue();
		}
		finally {
			parent.destroyForcibly();
		}
	}

}
