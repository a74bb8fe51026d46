package dev.scaleout.test.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

}
