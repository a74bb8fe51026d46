package dev.scaleout.test.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Redis server for tests: a Testcontainers container when a Docker engine is reachable, otherwise the
 * {@code redis-server} binary shipped in the embedded-redis artifact, on a free loopback port.
 * <p>
 * Never a mock, and never absent: when neither can be started the test fails with the reason. Set the system
 * property {@code scaleout.test.redis} to {@code container} or {@code binary} to force one backend.
 */
public final class TestRedis implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	private static TestRedis shared;

	private final RedisBackend backend;

	private final String password;

	private TestRedis(RedisBackend backend, String password) {
		this.backend = backend;
		this.password = password;
	}

	/**
	 * Returns the server shared by every test of this JVM, starting it on first use. Tests must not stop it; use
	 * {@link #startDedicated()} for outage tests.
	 * @return the running shared server
	 */
	public static synchronized TestRedis shared() {
		if (shared == null) {
			shared = startDedicated();
			TestRedis server = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-redis-shutdown"));
		}
		return shared;
	}

	/**
	 * Starts a server that belongs to the caller, who may stop and restart it and must close it.
	 * @return the running server
	 */
	public static TestRedis startDedicated() {
		return startDedicated(null);
	}

	/**
	 * Starts a server that belongs to the caller and requires {@code password} ({@code requirepass}).
	 * @param password the password clients must send, or {@code null} for none
	 * @return the running server
	 */
	public static TestRedis startDedicated(String password) {
		TestRedis redis = new TestRedis(chooseBackend(freePort(), password), password);
		redis.start();
		return redis;
	}

	/**
	 * Starts the server, on the same port as before when it is restarted, and waits until it answers PING.
	 */
	public void start() {
		this.backend.start();
		RespClient.awaitPong(host(), port(), this.password, READY_TIMEOUT);
	}

	/**
	 * Stops the server; clients see refused connections until {@link #start()}.
	 */
	public void stop() {
		this.backend.stop();
	}

	@Override
	public void close() {
		this.backend.close();
	}

	public String host() {
		return this.backend.host();
	}

	public int port() {
		return this.backend.port();
	}

	/**
	 * Which kind of server this is, for test reports: {@code container} or {@code binary}.
	 * @return the backend's name
	 */
	public String kind() {
		return this.backend.kind();
	}

	/**
	 * Sends one command and returns its reply as text (RESP simple string, number, or bulk string; arrays joined
	 * by newlines).
	 * @param arguments the command and its arguments, e.g. {@code "GET", "key"}
	 * @return the reply
	 */
	public String command(String... arguments) {
		return RespClient.command(host(), port(), this.password, arguments);
	}

	/**
	 * Removes every key, so a test starts from an empty server.
	 */
	public void flushAll() {
		command("FLUSHALL");
	}

	/**
	 * The Spring Boot properties that point an application at this server.
	 * @return {@code spring.data.redis.host=…} and {@code spring.data.redis.port=…}
	 */
	public String[] springProperties() {
		return springSettings("");
	}

	/**
	 * The same properties as command-line arguments, for starting an application with {@code SpringApplication}.
	 * @return {@code --spring.data.redis.host=…} and {@code --spring.data.redis.port=…}
	 */
	public String[] springArguments() {
		return springSettings("--");
	}

	private String[] springSettings(String prefix) {
		List<String> settings = new ArrayList<>(List.of(prefix + "spring.data.redis.host=" + host(),
				prefix + "spring.data.redis.port=" + port()));
		if (this.password != null) {
			settings.add(prefix + "spring.data.redis.password=" + this.password);
		}
		return settings.toArray(String[]::new);
	}

	/**
	 * Registers this server's connection properties, for {@code @DynamicPropertySource} methods.
	 * @param registry the registry to add to
	 */
	public void registerSpringProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", this::host);
		registry.add("spring.data.redis.port", this::port);
		if (this.password != null) {
			registry.add("spring.data.redis.password", () -> this.password);
		}
	}

	private static RedisBackend chooseBackend(int port, String password) {
		String forced = System.getProperty("scaleout.test.redis", "").toLowerCase(Locale.ROOT);
		return switch (forced) {
			case "container" -> new ContainerRedis(port, password);
			case "binary" -> new BinaryRedis(port, password);
			case "" -> ContainerRedis.dockerAvailable() ? new ContainerRedis(port, password)
					: new BinaryRedis(port, password);
			default -> throw new IllegalStateException(
					"System property scaleout.test.redis=" + forced + " is not one of 'container' or 'binary'");
		};
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port for Redis", ex);
		}
	}

}
