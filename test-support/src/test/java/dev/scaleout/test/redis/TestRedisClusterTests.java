package dev.scaleout.test.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class TestRedisClusterTests {

	@Test
	void threeMastersServeEverySlotAndEachKeyOnItsOwnNode() {
		try (TestRedisCluster cluster = TestRedisCluster.start()) {
			String info = cluster.command("any", "CLUSTER", "INFO");
			assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:3",
					"cluster_size:3");
			for (String key : List.of("a", "b", "c", "session:1", "session:2")) {
				assertThat(cluster.command(key, "SET", key, "value-" + key)).isEqualTo("OK");
				assertThat(cluster.command(key, "GET", key)).isEqualTo("value-" + key);
			}
			assertThat(cluster.springProperties()).singleElement()
				.asString()
				.startsWith("spring.data.redis.cluster.nodes=127.0.0.1:");
		}
	}

	@Test
	void closeStopsEveryNode() {
		TestRedisCluster cluster = TestRedisCluster.start();
		List<Integer> ports = cluster.ports();
		cluster.close();
		for (int port : ports) {
			assertThatIOException().isThrownBy(() -> connect(port));
		}
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

}
