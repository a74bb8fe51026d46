package dev.scaleout.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Redis every replica keeps its sessions in: the one given with {@code --redis}, else a
 * {@code redis-server} found on the {@code PATH}, else the binary shipped in the
 * embedded-redis artifact, extracted into the run directory. A started server listens on
 * a free loopback port and keeps its data under the run directory.
 */
final class RedisServer {

	static final String EMBEDDED_VERSION = "7.0.15";

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
		Path binary = onPath.isPresent() ? onPath.get() : extractEmbedded(run.root().resolve("bin"));
		int port = FreePorts.find();
		Path data = Files.createDirectories(run.root().resolve("redis"));
		List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
				"--bind", "127.0.0.1", "--dir", data.toString(), "--daemonize", "no", "--appendonly", "no"));
		ChildProcess process = ChildProcess.start("redis", command, run.log("redis"), clock);
		RedisServer server = new RedisServer("127.0.0.1", port, null,
				onPath.isPresent() ? binary.toString() : "embedded redis-server " + EMBEDDED_VERSION, process);
		server.awaitPong(Duration.ofSeconds(20), clock);
		return server;
	}

	private static Path extractEmbedded(Path directory) throws IOException {
		String name = "redis-server-" + EMBEDDED_VERSION + "-" + platform();
		Path binary = directory.resolve(name);
		try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException("No redis-server found: none on the PATH, and the embedded-redis artifact has no "
						+ name + ". Install Redis, or pass --redis redis://host:port");
			}
			if (!Files.isExecutable(binary)) {
				Files.createDirectories(directory);
				Path temporary = directory.resolve(name + ".tmp");
				Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
				temporary.toFile().setExecutable(true, true);
				Files.move(temporary, binary, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return binary;
	}

	private static String platform() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : "linux";
		String machine = switch (arch) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64";
			case "x86", "i386", "i686" -> "386";
			default -> arch;
		};
		return system + "-" + machine;
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
