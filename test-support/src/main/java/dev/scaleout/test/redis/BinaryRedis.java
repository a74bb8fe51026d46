package dev.scaleout.test.redis;

import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * The {@code redis-server} 7 binary shipped inside the embedded-redis artifact, as a child process.
 */
final class BinaryRedis implements RedisBackend {

	private final int port;

	private final String password;

	private RedisServer server;

	BinaryRedis(int port, String password) {
		this.port = port;
		this.password = password;
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
