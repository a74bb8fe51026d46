package dev.scaleout.test.redis;

import java.util.List;

import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * The {@code redis-server} 7 binary shipped inside the embedded-redis artifact, as a child process.
 */
final class BinaryRedis implements RedisBackend {

	private final int port;

	private final String password;

	private final List<String> settings;

	private RedisServer server;

	BinaryRedis(int port, String password) {
		this(port, password, List.of());
	}

	/**
	 * @param port the port to listen on
	 * @param password the password clients must send, or {@code null} for none
	 * @param settings more {@code redis.conf} lines, e.g. {@code cluster-enabled yes}
	 */
	BinaryRedis(int port, String password, List<String> settings) {
		this.port = port;
		this.password = password;
		this.settings = List.copyOf(settings);
	}

	@Override
	public synchronized void start() {
		if (this.server != null && this.server.isActive()) {
			return;
		}
		try {
			RedisServerBuilder builder = RedisServer.builder()
				.port(this.port)
				.setting("bind 127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no");
			if (this.password != null) {
				builder.setting("requirepass " + this.password);
			}
			this.settings.forEach(builder::setting);
			this.server = builder.build();
			this.server.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not start the redis-server binary of embedded-redis on port "
					+ this.port + " (and no Docker engine was found for Testcontainers): " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.server != null && this.server.isActive()) {
			this.server.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String kind() {
		return "binary";
	}

}
