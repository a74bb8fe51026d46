package dev.scaleout.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Redis the replicas keep their sessions in, as the rest of the launcher sees it:
 * where it is, the process when the launcher started it, and a restart on the same port
 * and data directory after a crash, since every replica and the gateway were told that
 * port. The only caller of {@link RedisServer}, which finds and starts the binary.
 */
public final class Redis {

	private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(20);

	private final RedisServer server;

	private final @Nullable RunDirectory run;

	private final @Nullable Clock clock;

	private final Optional<Path> binary;

	private volatile @Nullable ChildProcess process;

	private Redis(RedisServer server, @Nullable RunDirectory run, @Nullable Clock clock) {
		this.server = server;
		this.run = run;
		this.clock = clock;
		this.process = server.process().orElse(null);
		// /proc/<pid>/exe: the binary RedisServer chose (on the PATH, or extracted), which a restart runs again
		this.binary = server.process()
			.flatMap((started) -> ProcessHandle.of(started.pid()))
			.flatMap((handle) -> handle.info().command())
			.map(Path::of);
	}

	/**
	 * Uses an existing Redis, which the launcher neither starts nor restarts.
	 * @param uri {@code redis://[:password@]host:port}
	 * @return that Redis
	 */
	public static Redis external(URI uri) {
		return new Redis(RedisServer.external(uri), null, null);
	}

	/**
	 * Starts a Redis of the launcher's own and waits until it answers.
	 * @param run the run directory, for its data, binary and log
	 * @param embeddedOnly whether to use the embedded binary even when
	 * {@code redis-server} is on the {@code PATH}
	 * @param clock the time source
	 * @return the running Redis
	 * @throws IOException when it cannot be started
	 */
	public static Redis start(RunDirectory run, boolean embeddedOnly, Clock clock) throws IOException {
		return new Redis(RedisServer.start(run, embeddedOnly, clock), run, clock);
	}

	public String host() {
		return this.server.host();
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * The password of an external Redis.
	 * @return it, or {@code null} when there is none
	 */
	public @Nullable String password() {
		return this.server.password();
	}

	public String origin() {
		return this.server.origin();
	}

	/**
	 * The process of the Redis the launcher started.
	 * @return the current one, empty for an external Redis
	 */
	public Optional<ChildProcess> process() {
		return Optional.ofNullable(this.process);
	}

	/**
	 * Starts the launcher's Redis again after it exited, on the same port and data
	 * directory, and waits until it answers {@code PING}.
	 * @return the new process
	 * @throws IOException when it cannot be started or does not answer in time
	 */
	public ChildProcess restart() throws IOException {
		if (this.binary.isEmpty() || this.run == null || this.clock == null) {
			throw new IOException("the launcher did not start this Redis (or lost track of its binary)");
		}
		// The arguments RedisServer.start gives, with the port the replicas already know.
		List<String> command = List.of(this.binary.get().toString(), "--port", Integer.toString(port()), "--bind",
				"127.0.0.1", "--dir", this.run.root().resolve("redis").toString(), "--daemonize", "no",
				"--appendonly", "no");
		ChildProcess restarted = ChildProcess.start("redis", command, this.run.log("redis"), this.clock);
		this.process = restarted;
		Instant deadline = this.clock.instant().plus(RESTART_TIMEOUT);
		while (!this.server.ping()) {
			if (!restarted.isAlive() || this.clock.instant().isAfter(deadline)) {
				throw new IOException("redis-server did not answer PING on port " + port() + " after its restart; see "
						+ this.run.log("redis"));
			}
			Pause.briefly(Duration.ofMillis(100));
		}
		return restarted;
	}

}
