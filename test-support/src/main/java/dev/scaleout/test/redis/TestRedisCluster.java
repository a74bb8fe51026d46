package dev.scaleout.test.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * A real three-master Redis Cluster on loopback: three {@code redis-server} 7 processes (the binary of the
 * embedded-redis artifact) with {@code cluster-enabled yes}, each serving a third of the 16,384 slots, without
 * replicas. The cluster is made as {@code redis-cli --cluster create} would make it, with {@code CLUSTER ADDSLOTSRANGE}
 * and {@code CLUSTER MEET}, so that no {@code redis-cli} is needed.
 * <p>
 * Always the binary, never a container: a cluster's nodes tell clients their own addresses, which must be the
 * loopback addresses the test reaches them at.
 */
public final class TestRedisCluster implements AutoCloseable {

	private static final int MASTERS = 3;

	private static final int SLOTS = 16_384;

	/**
	 * A node's cluster bus listens on its port plus this offset.
	 */
	private static final int BUS_PORT_OFFSET = 10_000;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private final List<BinaryRedis> nodes = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private final Path directory;

	private TestRedisCluster(Path directory) {
		this.directory = directory;
	}

	/**
	 * Starts three nodes, assigns the slots, introduces the nodes to each other and waits until the cluster says
	 * {@code cluster_state:ok} on every node.
	 * @return the running cluster, which the caller must close
	 */
	public static TestRedisCluster start() {
		TestRedisCluster cluster;
		try {
			cluster = new TestRedisCluster(Files.createTempDirectory("scaleout-redis-cluster"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No temporary directory for the Redis Cluster's node files", ex);
		}
		try {
			cluster.startNodes();
			cluster.formCluster();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	private void startNodes() {
		for (int i = 0; i < MASTERS; i++) {
			int port = freePortWithFreeBusPort();
			BinaryRedis node = new BinaryRedis(port, null, Map.of("dir", this.directory.toString(), "cluster-enabled",
					"yes", "cluster-config-file", "nodes-" + port + ".conf", "cluster-node-timeout", "5000"));
			this.nodes.add(node);
			this.ports.add(port);
			node.start();
			RespClient.awaitPong(host(), port, null, READY_TIMEOUT);
		}
	}

	private void formCluster() {
		for (int i = 0; i < MASTERS; i++) {
			int first = i * SLOTS / MASTERS;
			int last = (i + 1) * SLOTS / MASTERS - 1;
			RespClient.command(host(), this.ports.get(i), null, "CLUSTER", "ADDSLOTSRANGE", Integer.toString(first),
					Integer.toString(last));
		}
		for (int i = 1; i < MASTERS; i++) {
			RespClient.command(host(), this.ports.get(0), null, "CLUSTER", "MEET", host(),
					Integer.toString(this.ports.get(i)));
		}
		Awaitility.await("cluster_state:ok on every node")
			.atMost(READY_TIMEOUT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.ports.stream()
				.allMatch((port) -> RespClient.command(host(), port, null, "CLUSTER", "INFO")
					.contains("cluster_state:ok")));
	}

	/**
	 * Stops every node and removes their node files.
	 */
	@Override
	public void close() {
		this.nodes.forEach(BinaryRedis::close);
		try (var files = Files.walk(this.directory)) {
			files.sorted((a, b) -> b.compareTo(a)).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory harms no later test: each cluster has its own.
		}
	}

	public String host() {
		return "127.0.0.1";
	}

	/**
	 * The nodes' ports, each a master.
	 * @return the ports
	 */
	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/**
	 * Sends one command to the node that serves {@code key}'s slot (a node answers {@code MOVED} for a slot it
	 * does not serve, so the node is asked first) and returns its reply as {@link TestRedis#command} does.
	 * @param key the key the command touches, whose node answers
	 * @param arguments the command and its arguments
	 * @return the reply
	 */
	public String command(String key, String... arguments) {
		long slot = Long.parseLong(RespClient.command(host(), this.ports.get(0), null, "CLUSTER", "KEYSLOT", key));
		int node = (int) (slot * MASTERS / SLOTS);
		while (node + 1 < MASTERS && slot >= (long) (node + 1) * SLOTS / MASTERS) {
			node++;
		}
		while (node > 0 && slot < (long) node * SLOTS / MASTERS) {
			node--;
		}
		return RespClient.command(host(), this.ports.get(node), null, arguments);
	}

	/**
	 * Removes every key on every node.
	 */
	public void flushAll() {
		this.ports.forEach((port) -> RespClient.command(host(), port, null, "FLUSHALL"));
	}

	/**
	 * The Spring Boot property that points an application at this cluster.
	 * @return {@code spring.data.redis.cluster.nodes=…}
	 */
	public String[] springProperties() {
		return springSettings("");
	}

	/**
	 * The same property as a command-line argument, for starting an application with {@code SpringApplication}.
	 * @return {@code --spring.data.redis.cluster.nodes=…}
	 */
	public String[] springArguments() {
		return springSettings("--");
	}

	private String[] springSettings(String prefix) {
		return new String[] { prefix + "spring.data.redis.cluster.nodes="
				+ this.ports.stream().map((port) -> host() + ":" + port).collect(Collectors.joining(",")) };
	}

	private static int freePortWithFreeBusPort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = TestRedis.freePort();
			if (port + BUS_PORT_OFFSET <= 65_535 && isFree(port + BUS_PORT_OFFSET)) {
				return port;
			}
		}
		throw new IllegalStateException("No free loopback port p with p + " + BUS_PORT_OFFSET
				+ " free too, for a Redis Cluster node and its bus");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
