package dev.scaleout.session;

import java.util.List;

import dev.scaleout.test.redis.TestRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's contract for {@code RedisSessionRepository} on a real three-master Redis Cluster: the scenarios
 * of {@link ScriptedRedisSessionRepositoryContractTests}, for both repositories, where an id change moves a session
 * to another slot.
 */
class ScriptedRedisSessionRepositoryClusterContractTests extends ScriptedRedisSessionRepositoryContractTests {

	private static TestRedisCluster cluster;

	// Hides the standalone connection of the scenarios' class.
	@BeforeAll
	static void connect() {
		cluster = TestRedisCluster.start();
		connectionFactory = new LettuceConnectionFactory(new RedisClusterConfiguration(
				cluster.ports().stream().map((port) -> cluster.host() + ":" + port).toList()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		serializer = new TolerantSessionSerializer(SessionJson
			.serializer(ScriptedRedisSessionRepositoryClusterContractTests.class.getClassLoader(), List.of()),
				List.of());
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
		cluster.close();
	}

	@Test
	void theScenariosRunOnTheCluster() {
		try (RedisConnection connection = connectionFactory.getConnection()) {
			assertThat(connection).isInstanceOf(RedisClusterConnection.class);
		}
	}

}
