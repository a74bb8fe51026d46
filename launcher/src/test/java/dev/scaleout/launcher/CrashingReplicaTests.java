package dev.scaleout.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.scaleout.launcher.cds.ArchiveKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that exits at once (here: a JVM flag that does not exist) under
 * {@code ./scaleout up}: its CDS training run fails the same way, so it starts from the
 * jar as is; it is restarted with growing delays, then left down once the crash-loop
 * guard's limit is reached. Then the launcher itself is killed with SIGKILL, and nothing
 * it started survives it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashingReplicaTests {

	@TempDir
	static Path runDirectory;

	private RunningLauncher launcher;

	@BeforeAll
	void startAStackWhoseReplicaCannotStart() {
		this.launcher = RunningLauncher.start(runDirectory.resolve("run"), "--replicas", "1", "--max-restarts", "3",
				"--jvm-opts", "-XX:+ScaleoutNoSuchFlag");
	}

	@AfterAll
	void stopTheStack() {
		if (this.launcher != null) {
			this.launcher.close();
		}
	}

	@Test
	@Order(1)
	void restartsWithGrowingDelaysThenStopsAtTheLimitSayingSo() {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(this.launcher.console()).contains("CRASH LOOP"));
		assertThat(this.launcher.console()).contains("restart 1 in 100 ms", "restart 2 in 150 ms",
				"restart 3 in 225 ms", "It has been restarted 3 times within 5m: CRASH LOOP, no more restarts",
				"then run ./scaleout reload");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.launcher.replica("replica-1").orElseThrow())
				.returns("CRASH_LOOP", RunningLauncher.Replica::state)
				.returns(3, RunningLauncher.Replica::restarts)
				.returns(-1, RunningLauncher.Replica::pid));
		assertThat(this.launcher.console().split("replica-1 starting:", -1)).as("starts").hasSize(1 + 4);
	}

	@Test
	@Order(2)
	void aFailedCdsTrainingRunLeavesNoArchiveAndSaysWhyOnce() {
		assertThat(this.launcher.console()).containsOnlyOnce("no " + ArchiveKind.forJava(Java.feature()).displayName()
				+ ", replicas start from the jar as is: the training run exited with code 1");
		assertThat(this.launcher.runDirectory().resolve("logs/cds-training.log")).content()
			.contains("Unrecognized VM option 'ScaleoutNoSuchFlag'");
		assertThat(this.launcher.runDirectory().resolve("cds")).isEmptyDirectory();
	}

	@Test
	@Order(3)
	void killingTheLauncherWithSigkillLeavesNoProcessBehind() {
		List<ProcessHandle> children = this.launcher.children();
		assertThat(children).as("the gateway and Redis").hasSize(2);
		this.launcher.process().destroyForcibly();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
				.as("orphans").isEmpty());
	}

}
