package dev.scaleout.test.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.scaleout.redisserver.RedisServerBinary;

/**
 * The {@code redis-server} 7 binary shipped inside the embedded-redis artifact, as a child process started the way
 * the launcher starts it ({@link RedisServerBinary}), without snapshots.
 */
final class BinaryRedis implements RedisBackend {

	private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "scaleout-redis-binary");

	private final int port;

	private final Map<String, String> settings = new LinkedHashMap<>();

	private Process process;

	/**
	 * Stops the server when the JVM ends without closing it (a test that failed before its clean-up, an interrupted
	 * build): a child process outlives its parent otherwise.
	 */
	private Thread stopAtExit;

	private Path log;

	BinaryRedis(int port, String password) {
		this(port, password, Map.of());
	}

	/**
	 * @param port the port to listen on
	 * @param password the password clients must send, or {@code null} for none
	 * @param settings more settings in {@code redis.conf}'s names, e.g. {@code cluster-enabled} to {@code yes}
	 */
	BinaryRedis(int port, String password, Map<String, String> settings) {
		this.port = port;
		this.settings.put("save", "");
		if (password != null) {
			this.settings.put("requirepass", password);
		}
		this.settings.putAll(settings);
	}

	@Override
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			RedisServerBinary binary = RedisServerBinary.extractEmbedded(BINARIES);
			this.log = Files.createTempFile("scaleout-redis-" + this.port + "-", ".log");
			this.process = new ProcessBuilder(binary.command(this.port, this.settings)).redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.start();
			Process started = this.process;
			this.stopAtExit = new Thread(started::destroyForcibly, "redis-server-" + this.port + "-exit");
			Runtime.getRuntime().addShutdownHook(this.stopAtExit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the redis-server binary of embedded-redis on port "
					+ this.port + " (and no Docker engine was found for Testcontainers): " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.log);
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// A leftover log in the temporary directory is harmless.
		}
		this.process = null;
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopAtExit);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down (the shared server's own hook): nothing left to unregister.
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

	/**
	 * What the server printed so far, for a failure message.
	 * @return its console output, or an empty string
	 */
	synchronized String log() {
		try {
			return (this.log != null && Files.exists(this.log)) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

}
