package dev.scaleout.launcher;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Redis the replicas keep their sessions in, as the rest of the launcher sees it:
 * where it is, the process when the launcher started it, and a restart on the same port
 * and data directory after a crash, since every replica and the gateway were told that
 * port. The only caller of {@link RedisServer}, which finds and starts the binary.
 */
public final class Redis {

	private final RedisServer server;

	private final @Nullable RunDirectory run;

	private final @Nullable Clock clock;

	private Redis(RedisServer server, @Nullable RunDirectory run, @Nullable Clock clock) {
		this.server = server;
		this.run = run;
		this.clock = clock;
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
		return this.server.process();
	}

	/**
	 * Starts the launcher's Redis again after it exited, on the same port and data
	 * directory, and waits until it answers {@code PING}.
	 * @return the new process
	 * @throws IOException when it cannot be started or does not answer in time
	 */
	public ChildProcess restart() throws IOException {
		if (this.run == null || this.clock == null) {
			throw new IOException("the launcher did not start this Redis, so it does not restart it");
		}
		return this.server.restart(this.run, this.clock);
	}

}
