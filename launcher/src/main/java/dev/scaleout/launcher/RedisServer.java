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

	private final String password;

	private final String origin;

	private final ChildProcess process;

	private RedisServer(String host, int port, String password, String origin, ChildProcess process) {
		this.host = host;
		this.port = port;
		this.password = password;
		this.origin = origin;
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
		return new RedisServer(uri.getHost(), uri.getPort(), password, uri.getHost() + ":" + uri.getPort(), null);
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
		ChildProcess process = ChildProcess.start("redis", binary.command(port, Map.of("dir", data.toString())),
				run.log("redis"), clock);
		RedisServer server = new RedisServer("127.0.0.1", port, null, binary.toString(), process);
		server.awaitPong(Duration.ofSeconds(20), clock);
		return server;
	}

	private void awaitPong(Duration timeout, Clock clock) throws IOException {
		Instant deadline = clock.instant().plus(timeout);
		while (clock.instant().isBefore(deadline)) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IOException("redis-server exited at startup with code " + this.process.exitValue()
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

	String password() {
		return this.password;
	}

	String origin() {
		return this.origin;
	}

	Optional<ChildProcess> process() {
		return Optional.ofNullable(this.process);
	}

}
