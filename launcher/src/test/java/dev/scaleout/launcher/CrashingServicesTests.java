package dev.scaleout.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.scaleout.test.app.CookieJarClient;
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
 * The gateway and the Redis that {@code up} started are supervised as the replicas are:
 * killed with SIGKILL, each is back on its port after the backoff delay, and the
 * crash-loop guard ({@code --max-restarts 2}) gives up on one that keeps crashing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashingServicesTests {

	@TempDir
	static Path runDirectory;

	private RunningLauncher launcher;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@BeforeAll
	void startAStack() {
		this.launcher = RunningLauncher.start(runDirectory.resolve("run"), "--replicas", "1", "--cds", "off",
				"--max-restarts", "2");
		this.launcher.awaitReady(Duration.ofMinutes(3));
	}

	@AfterAll
	void stopTheStack() {
		if (this.launcher != null) {
			this.launcher.close();
		}
	}

	@Test
	@Order(1)
	void bringsBackTheGatewayKilledWithSigkillOnItsPort() {
		RunningLauncher.Replica gateway = this.launcher.process("gateway");
		assertThat(gateway.state()).isEqualTo("READY");
		ProcessHandle.of(gateway.pid()).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			RunningLauncher.Replica restarted = this.launcher.process("gateway");
			assertThat(restarted.pid()).isPositive().isNotEqualTo(gateway.pid());
			assertThat(restarted.state()).isEqualTo("READY");
			assertThat(restarted.restarts()).isOne();
			assertThat(restarted.port()).isEqualTo(this.launcher.port());
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/").statusCode()).isEqualTo(200));
		assertThat(this.launcher.console()).contains(
				"gateway (pid " + gateway.pid() + ") exited with code 137 after", "; restart 1 in 100 ms",
				"gateway restarting: pid", " is back after ");
	}

	@Test
	@Order(2)
	void bringsBackRedisOnItsPortAndTheReplicasUseItAgain() {
		RunningLauncher.Replica redis = this.launcher.process("redis");
		ProcessHandle.of(redis.pid()).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			RunningLauncher.Replica restarted = this.launcher.process("redis");
			assertThat(restarted.pid()).isPositive().isNotEqualTo(redis.pid());
			assertThat(restarted.port()).isEqualTo(redis.port());
			assertThat(restarted.state()).isEqualTo("READY");
		});
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(new CookieJarClient().post(URI.create(this.launcher.baseUrl() + "/session/counter"))
				.body()).contains("\"count\":1"));
		assertThat(this.launcher.console()).contains("redis (pid " + redis.pid() + ") exited with code 137",
				"redis restarting: pid");
	}

	@Test
	@Order(3)
	void givesUpOnRedisOnceItCrashedMoreThanMaxRestartsTimesSayingSo() {
		RunningLauncher.Replica second = this.launcher.process("redis");
		ProcessHandle.of(second.pid()).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(
				() -> assertThat(this.launcher.process("redis")).returns(2, RunningLauncher.Replica::restarts)
					.returns("READY", RunningLauncher.Replica::state));
		RunningLauncher.Replica third = this.launcher.process("redis");
		ProcessHandle.of(third.pid()).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(
				() -> assertThat(this.launcher.process("redis")).returns("CRASH_LOOP", RunningLauncher.Replica::state)
					.returns(-1, RunningLauncher.Replica::pid));
		assertThat(this.launcher.console()).contains("!!! redis (pid " + third.pid() + ") exited with code 137",
				"It has been restarted 2 times within 5m: CRASH LOOP, no more restarts");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.launcher.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
