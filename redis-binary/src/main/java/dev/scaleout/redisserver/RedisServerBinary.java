package dev.scaleout.redisserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code redis-server} executable and the command line that starts it on a loopback port: the binary of the
 * embedded-redis artifact, extracted from the class path, or one already installed.
 * <p>
 * It only builds the command: the caller owns the process (the launcher supervises it and keeps its log, a test
 * stops and restarts it), and waits for {@code PING} to be answered.
 */
public final class RedisServerBinary {

	/**
	 * The version of the binaries in the embedded-redis artifact.
	 */
	public static final String EMBEDDED_VERSION = "7.0.15";

	private final Path executable;

	private final String description;

	private RedisServerBinary(Path executable, String description) {
		this.executable = executable;
		this.description = description;
	}

	/**
	 * An installed {@code redis-server}.
	 * @param executable its path
	 * @return the binary
	 */
	public static RedisServerBinary installed(Path executable) {
		return new RedisServerBinary(executable, executable.toString());
	}

	/**
	 * Extracts the embedded binary for this operating system and processor into {@code directory}, once: a binary
	 * already there is used as it is.
	 * @param directory where to keep it
	 * @return the binary
	 * @throws IOException when the artifact is not on the class path, has no binary for this platform, or the
	 * directory cannot be written
	 */
	public static RedisServerBinary extractEmbedded(Path directory) throws IOException {
		String name = "redis-server-" + EMBEDDED_VERSION + "-" + platform();
		Path binary = directory.resolve(name);
		if (Files.isExecutable(binary)) {
			return new RedisServerBinary(binary, "embedded redis-server " + EMBEDDED_VERSION);
		}
		try (InputStream in = RedisServerBinary.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException("No " + name + " on the class path: the org.signal:embedded-redis artifact is"
						+ " missing or has no binary for this platform. Install Redis, or start it in Docker");
			}
			Files.createDirectories(directory);
			// Extract beside it and move: a concurrent extraction never sees half a binary.
			Path temporary = Files.createTempFile(directory, name, ".tmp");
			Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
			temporary.toFile().setExecutable(true, true);
			Files.move(temporary, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return new RedisServerBinary(binary, "embedded redis-server " + EMBEDDED_VERSION);
	}

	/**
	 * The command that runs this binary in the foreground on {@code port} of 127.0.0.1, without an append-only
	 * file.
	 * @param port the port to listen on
	 * @param settings more settings, name to value, in {@code redis.conf}'s names: e.g. {@code save} to the empty
	 * string for no snapshots, {@code requirepass}, {@code cluster-enabled} to {@code yes}
	 * @return the command line
	 */
	public List<String> command(int port, Map<String, String> settings) {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--port", Integer.toString(port),
				"--bind", "127.0.0.1", "--daemonize", "no", "--appendonly", "no"));
		settings.forEach((name, value) -> {
			command.add("--" + name);
			command.add(value);
		});
		return command;
	}

	/**
	 * Where the executable is.
	 * @return its path
	 */
	public Path executable() {
		return this.executable;
	}

	/**
	 * What this binary is, for logs: its path when installed, else "embedded redis-server 7.0.15".
	 * @return the description
	 */
	@Override
	public String toString() {
		return this.description;
	}

	static String platform() {
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

}
