package dev.scaleout.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.scaleout.launcher.cli.Scaleout;
import dev.scaleout.redisserver.RedisServerBinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./scaleout up} for real, as a child JVM of the test on loopback ports, with the
 * sample app's and the gateway's jars that Maven built before this module. Closing it runs
 * {@code ./scaleout stop}, and kills whatever is left should that fail.
 */
final class RunningLauncher implements AutoCloseable {

	static final Path MODULE = Path.of("").toAbsolutePath();

	static final Path REPOSITORY = MODULE.getParent();

	private final Process process;

	private final Path runDirectory;

	private final Path output;

	private final int port;

	private RunningLauncher(Process process, Path runDirectory, Path output, int port) {
		this.process = process;
		this.runDirectory = runDirectory;
		this.output = output;
		this.port = port;
	}

	/**
	 * Starts {@code up} with these flags, and a run directory and port of its own.
	 * @param runDirectory where its logs and state go
	 * @param flags more flags of {@code up}
	 * @return the launcher, not necessarily ready yet
	 */
	static RunningLauncher start(Path runDirectory, String... flags) {
		requireJar(LaunchOptions.SAMPLE_APP_JAR);
		requireJar(LaunchOptions.GATEWAY_JAR);
		int port = FreePorts.find();
		List<String> args = new ArrayList<>(List.of("up", "--port", Integer.toString(port), "--run-dir",
				runDirectory.toString(), "--redis", "embedded", "--start-timeout", "90s"));
		args.addAll(Arrays.asList(flags));
		try {
			Files.createDirectories(runDirectory);
			Path output = runDirectory.resolve("console.txt");
			Process process = new ProcessBuilder(command(args)).directory(REPOSITORY.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			return new RunningLauncher(process, runDirectory, output, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireJar(String jar) {
		assertThat(REPOSITORY.resolve(jar)).as("%s, built by Maven before the launcher module", jar).isRegularFile();
	}

	private static List<String> command(List<String> args) {
		List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx64m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dscaleout.home=" + REPOSITORY, "-cp", classpath(),
				Scaleout.class.getName()));
		command.addAll(args);
		return command;
	}

	private static String classpath() {
		try {
			Path classes = Path.of(Scaleout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path embeddedRedis = Path.of(Class.forName("redis.embedded.RedisServer")
				.getProtectionDomain()
				.getCodeSource()
				.getLocation()
				.toURI());
			Path redisBinary = Path.of(RedisServerBinary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return String.join(java.io.File.pathSeparator, classes.toString(), redisBinary.toString(),
					embeddedRedis.toString());
		}
		catch (URISyntaxException | ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until {@code up} says the stack is ready.
	 * @param timeout how long it may take
	 * @return this launcher
	 */
	RunningLauncher awaitReady(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(this.process.isAlive()).as("the launcher is running; its output:%n%s", console()).isTrue();
			assertThat(console()).contains("ready: open");
		});
		return this;
	}

	String console() {
		try {
			return Files.exists(this.output) ? Files.readString(this.output) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	Process process() {
		return this.process;
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Path runDirectory() {
		return this.runDirectory;
	}

	/**
	 * Runs {@code ./scaleout <command>} against this launcher, as another terminal would.
	 * @param command {@code status}, {@code reload}, {@code stop}, … and its operands
	 * @return what it printed, and its exit status
	 */
	CommandResult command(String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(List.of("--run-dir", this.runDirectory.toString()));
		try {
			Process cli = new ProcessBuilder(command(args))
				.directory(REPOSITORY.toFile())
				.redirectErrorStream(true)
				.start();
			String printed = new String(cli.getInputStream().readAllBytes());
			if (!cli.waitFor(10, TimeUnit.MINUTES)) {
				cli.destroyForcibly();
			}
			return new CommandResult(cli.exitValue(), printed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The replicas as {@code ./scaleout status} lists them.
	 * @return one row per replica
	 */
	List<Replica> replicas() {
		CommandResult status = command("status");
		assertThat(status.exitStatus()).as(status.printed()).isZero();
		return status.printed()
			.lines()
			.filter((line) -> line.startsWith("replica-"))
			.map((line) -> line.trim().split("\\s+"))
			.map((fields) -> new Replica(fields[0], parse(fields[1]), parse(fields[2]), fields[fields.length - 1],
					parse(fields[4])))
			.toList();
	}

	Optional<Replica> replica(String name) {
		return replicas().stream().filter((replica) -> replica.name().equals(name)).findFirst();
	}

	/**
	 * Any process as {@code ./scaleout status} lists it, such as {@code gateway} or
	 * {@code redis}.
	 * @param name its name
	 * @return its row
	 */
	Replica process(String name) {
		CommandResult status = command("status");
		assertThat(status.exitStatus()).as(status.printed()).isZero();
		return status.printed()
			.lines()
			.filter((line) -> line.startsWith(name + " "))
			.map((line) -> line.trim().split("\\s+"))
			.map((fields) -> new Replica(fields[0], parse(fields[1]), parse(fields[2]), fields[fields.length - 1],
					parse(fields[4])))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in " + status.printed()));
	}

	private static int parse(String field) {
		return "-".equals(field) ? -1 : Integer.parseInt(field);
	}

	/**
	 * Every process the launcher started and still tracks, from its children file. A handle
	 * knows its process's start time, so it never stands for a later process with the pid.
	 * @return their handles
	 */
	List<ProcessHandle> children() {
		return childPids().stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
	}

	private List<Long> childPids() {
		try {
			Path children = this.runDirectory.resolve("children");
			if (!Files.exists(children)) {
				return List.of();
			}
			return Files.readAllLines(children)
				.stream()
				.filter((line) -> !line.isBlank())
				.map((line) -> Long.parseLong(line.split(" ")[0]))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		List<ProcessHandle> children = new ArrayList<>(children());
		if (this.process.isAlive()) {
			command("stop");
		}
		try {
			if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		children.addAll(children());
		children.forEach(ProcessHandle::destroyForcibly);
	}

	/**
	 * One row of {@code ./scaleout status}.
	 *
	 * @param name the replica
	 * @param pid its pid, -1 when down
	 * @param port its port
	 * @param state its state
	 * @param restarts its crash restarts
	 */
	record Replica(String name, int pid, int port, String state, int restarts) {
	}

	/**
	 * What a command printed and how it exited.
	 *
	 * @param exitStatus its exit status
	 * @param printed its output
	 */
	record CommandResult(int exitStatus, String printed) {
	}

}
