package dev.scaleout.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.scaleout.redisserver.RedisServerBinary;

/**
 * The Redis every replica keeps its sessions in: the one given with {@code --redis}, else a
 * {@code redis-server} found on the {@code PATH}, else the binary shipped in the
 * embedded-redis artifact, extracted into the run directory ({@link RedisServerBinary}, which
 * the test kit runs too). A started server listens on a free loopback port and keeps its
 * data under the run directory.
 */
final class RedisServer {

	private final String host;

	private final int port;

	private final @Nullable String password;

	private final String origin;

	private final @Nullable RedisServerBinary binary;

	private final @Nullable Path data;

	private volatile @Nullable ChildProcess process;

	private RedisServer(String host, int port, @Nullable String password, String origin,
			@Nullable RedisServerBinary binary, @Nullable Path data, @Nullable ChildProcess process) {
		this.host = host;
		this.port = port;
		this.password = password;
		this.origin = origin;
		this.binary = binary;
		this.data = data;
		this.process = process;
	}

	/**
	 * Uses an existing Redis.
	 * @param uri {@code redis://[:password@]host:port}
	 * @return the server, not owned by the launcher
	 */
	static RedisServer external(URI uri) {
		String password = null;
		if (uri.getUserInfo() != null) {
			String info = uri.getUserInfo();
			password = info.substring(info.indexOf(':') + 1);
		}
		return new RedisServer(uri.getHost(), uri.getPort(), password, uri.getHost() + ":" + uri.getPort(), null, null,
				null);
	}

	/**
	 * Starts a Redis of our own and waits until it answers.
	 * @param run the run directory
	 * @param embeddedOnly whether to use the embedded binary even when {@code redis-server}
	 * is on the {@code PATH}
	 * @param clock the time source
	 * @return the running server
	 * @throws IOException when it cannot be started
	 */
	static RedisServer start(RunDirectory run, boolean embeddedOnly, Clock clock) throws IOException {
		Optional<Path> onPath = embeddedOnly ? Optional.empty() : Executables.find("redis-server");
		RedisServerBinary binary = onPath.isPresent() ? RedisServerBinary.installed(onPath.get())
				: RedisServerBinary.extractEmbedded(run.root().resolve("bin"));
		int port = FreePorts.find();
		Path data = Files.createDirectories(run.root().resolve("redis"));
		RedisServer server = new RedisServer("127.0.0.1", port, null, binary.toString(), binary, data, null);
		server.launch(run, clock);
		return server;
	}

	/**
	 * Starts the server again after it exited: the same binary, port and data directory.
	 * @param run the run directory, for the log
	 * @param clock the time source
	 * @return the new process, answering PING
	 * @throws IOException when this server is not the launcher's or does not answer in time
	 */
	ChildProcess restart(RunDirectory run, Clock clock) throws IOException {
		if (this.binary == null) {
			throw new IOException("the launcher did not start this Redis, so it does not restart it");
		}
		return launch(run, clock);
	}

	private ChildProcess launch(RunDirectory run, Clock clock) throws IOException {
		ChildProcess started = ChildProcess.start("redis",
				this.binary.command(this.port, Map.of("dir", this.data.toString())), run.log("redis"), clock);
		this.process = started;
		awaitPong(Duration.ofSeconds(20), clock);
		return started;
	}

	private void awaitPong(Duration timeout, Clock clock) throws IOException {
		Instant deadline = clock.instant().plus(timeout);
		while (clock.instant().isBefore(deadline)) {
			ChildProcess process = this.process;
			if (process != null && !process.isAlive()) {
				throw new IOException("redis-server exited at startup with code " + process.exitValue()
						+ "; see .scaleout/logs/redis.log");
			}
			if (ping()) {
				return;
			}
			Pause.briefly(Duration.ofMillis(100));
		}
		throw new IOException("redis-server did not answer PING on port " + this.port + " within " + timeout);
	}

	/**
	 * Whether Redis answers {@code PING}.
	 * @return {@code true} on {@code +PONG}
	 */
	boolean ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), 500);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] answer = new byte[5];
			int read = socket.getInputStream().readNBytes(answer, 0, 5);
			return read == 5 && "+PONG".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	@Nullable String password() {
		return this.password;
	}

	String origin() {
		return this.origin;
	}

	Optional<ChildProcess> process() {
		return Optional.ofNullable(this.process);
	}

}
