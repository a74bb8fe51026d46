package dev.scaleout.test.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class TestRedisTests {

	@Test
	void sharedServerIsARealRedisThatStoresValues() {
		TestRedis redis = TestRedis.shared();
		redis.command("SET", "test-redis:key", "value");
		assertThat(redis.command("GET", "test-redis:key")).isEqualTo("value");
		assertThat(redis.command("INFO", "server")).contains("redis_version:7.");
	}

	@Test
	void sharedServerIsTheSameForEveryCaller() {
		assertThat(TestRedis.shared()).isSameAs(TestRedis.shared());
	}

	@Test
	void dedicatedServerRefusesConnectionsWhileStoppedAndAnswersAgainOnTheSamePortAfterStart() {
		try (TestRedis redis = TestRedis.startDedicated()) {
			int port = redis.port();
			redis.stop();
			assertThatIOException().isThrownBy(() -> connect(port));
			redis.start();
			assertThat(redis.port()).isEqualTo(port);
			assertThat(redis.command("PING")).isEqualTo("PONG");
		}
	}

	@Test
	void dedicatedServerWithAPasswordRefusesClientsWithoutIt() {
		try (TestRedis redis = TestRedis.startDedicated("s3cret")) {
			assertThat(redis.command("PING")).isEqualTo("PONG");
			assertThatIllegalStateException().isThrownBy(
					() -> RespClient.command(redis.host(), redis.port(), null, "GET", "anything"))
				.withMessageContaining("NOAUTH");
			assertThat(redis.springProperties()).contains("spring.data.redis.password=s3cret");
		}
	}

	@Test
	void springPropertiesPointAtTheServer() {
		TestRedis redis = TestRedis.shared();
		assertThat(redis.springProperties()).containsExactly("spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.port());
	}

	@Test
	void aBinaryServerTheJvmLeavesRunningStopsWithTheJvm() throws Exception {
		Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
				"-Dscaleout.test.redis=binary", "-cp", System.getProperty("java.class.path"),
				LeavesItsServerRunning.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(jvm.getInputStream().readAllBytes());
		assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
		String port = output.lines().filter((line) -> line.startsWith("port=")).findFirst().orElseThrow(
				() -> new AssertionError("The JVM printed no port: " + output)).substring("port=".length());
		try {
			await("the server of the ended JVM stops").atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThatIOException().isThrownBy(() -> connect(Integer.parseInt(port))));
		}
		finally {
			shutDownIfRunning(Integer.parseInt(port));
		}
	}

	private static void shutDownIfRunning(int port) {
		try {
			RespClient.command("127.0.0.1", port, null, "SHUTDOWN", "NOSAVE");
		}
		catch (RuntimeException ex) {
			// Not running (the expected case), or gone while asked.
		}
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

	/**
	 * A JVM that starts a server and ends without closing it, as a test that fails before its clean-up does.
	 */
	static final class LeavesItsServerRunning {

		public static void main(String[] args) {
			TestRedis redis = TestRedis.startDedicated();
			System.out.println("port=" + redis.port());
		}

	}

}
