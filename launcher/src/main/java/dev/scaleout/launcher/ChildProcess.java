package dev.scaleout.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher started: a replica, the gateway or Redis. Its output goes
 * straight to its log file, never through a pipe to the launcher, so that it does not
 * depend on the launcher being alive to write. It runs in a session of its own
 * ({@code setsid}), so that Ctrl-C in the terminal reaches only the launcher, which then
 * stops everything in order.
 */
public final class ChildProcess {

	private static final Optional<Path> SETSID = Executables.find("setsid");

	private final String name;

	private final Process process;

	private final Instant startedAt;

	private final Clock clock;

	private volatile boolean stopRequested;

	private ChildProcess(String name, Process process, Clock clock) {
		this.name = name;
		this.process = process;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/**
	 * Starts a process.
	 * @param name the instance name, e.g. {@code replica-1}
	 * @param command the command and its arguments
	 * @param log the log file its output is appended to
	 * @param clock the time source
	 * @return the running process
	 * @throws IOException when it cannot be started
	 */
	public static ChildProcess start(String name, List<String> command, Path log, Clock clock) throws IOException {
		return start(name, command, Map.of(), log, clock);
	}

	/**
	 * Starts a process with more environment variables, such as a secret, which unlike an
	 * argument only the process's owner can read in {@code /proc}.
	 * @param name the instance name, e.g. {@code gateway}
	 * @param command the command and its arguments
	 * @param environment variables added to the launcher's environment
	 * @param log the log file its output is appended to
	 * @param clock the time source
	 * @return the running process
	 * @throws IOException when it cannot be started
	 */
	public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log,
			Clock clock) throws IOException {
		List<String> full = new ArrayList<>();
		SETSID.ifPresent((setsid) -> full.add(setsid.toString()));
		full.addAll(command);
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(log.toFile()))
			.redirectInput(Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), clock);
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	Instant startedAt() {
		return this.startedAt;
	}

	public Duration uptime() {
		return Duration.between(this.startedAt, this.clock.instant());
	}

	public CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Waits for the process to exit.
	 * @param timeout how long to wait at most
	 * @return {@code true} when it has exited
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether the launcher asked this process to stop, so that its exit is no crash.
	 * @return {@code true} once {@link #stop(Duration)} was called
	 */
	public boolean stopRequested() {
		return this.stopRequested;
	}

	/**
	 * Asks the process to stop with SIGTERM, and kills it if it has not exited within the
	 * grace period.
	 * @param grace how long a graceful stop may take
	 * @return {@code true} when it stopped gracefully
	 */
	public boolean stop(Duration grace) {
		this.stopRequested = true;
		if (!this.process.isAlive()) {
			return true;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		return false;
	}

	/**
	 * Kills the process at once with SIGKILL. Unlike {@link #stop(Duration)} its exit
	 * still counts as a crash: this is for a process that broke a rule, such as not
	 * becoming ready in time.
	 */
	public void kill() {
		this.process.destroyForcibly();
	}

	/**
	 * The process's resident memory, read from {@code /proc/<pid>/status}.
	 * @return the resident set size in bytes, or -1 when unknown
	 */
	public long residentMemory() {
		return ProcessMemory.residentBytes(pid());
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}

}
