package dev.scaleout.test.redis;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;

/**
 * The official Redis image under Testcontainers, published on a fixed host port so that a stopped and restarted
 * server is found where it was.
 */
final class ContainerRedis implements RedisBackend {

	private static final String IMAGE = "redis:7.4-alpine";

	private static final int REDIS_PORT = 6379;

	private final int port;

	private final String password;

	private GenericContainer<?> container;

	ContainerRedis(int port, String password) {
		this.port = port;
		this.password = password;
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@Override
	@SuppressWarnings({ "deprecation", "resource" })
	public synchronized void start() {
		if (this.container == null) {
			this.container = new FixedHostPortGenericContainer<>(IMAGE).withFixedExposedPort(this.port, REDIS_PORT)
				.withCommand(command());
			this.container.start();
		}
		else if (!this.container.isRunning()) {
			this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
		}
	}

	private String[] command() {
		return (this.password != null)
				? new String[] { "redis-server", "--save", "", "--appendonly", "no", "--requirepass", this.password }
				: new String[] { "redis-server", "--save", "", "--appendonly", "no" };
	}

	@Override
	public synchronized void stop() {
		if (this.container != null && this.container.isRunning()) {
			this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
		}
	}

	@Override
	public synchronized void close() {
		if (this.container != null) {
			this.container.stop();
		}
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
		return "container";
	}

}
