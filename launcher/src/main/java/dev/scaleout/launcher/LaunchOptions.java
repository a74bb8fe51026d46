package dev.scaleout.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything {@code ./scaleout up} can be told, with the defaults stated once; the
 * command line's flag table reads them from flags.
 *
 * @param replicas how many replicas to run
 * @param port the gateway's port
 * @param address the address the gateway listens on
 * @param app the Spring Boot jar every replica runs
 * @param gateway the gateway's jar
 * @param redis an existing Redis to use ({@code redis://[:password@]host:port}),
 * {@link #EMBEDDED_REDIS} to start the embedded binary even when {@code redis-server} is
 * on the {@code PATH}, or {@code null} to start one
 * @param jvmOptions JVM options of every replica
 * @param classDataSharing whether replicas start from a CDS archive of the app jar
 * ({@code --cds auto}), made by one training run and reused while the jar is unchanged
 * @param maxRestarts restarts of one replica allowed inside {@code restartWindow}
 * @param restartWindow how far back restarts count for the crash-loop guard
 * @param maxMemory resident memory, in bytes, above which a replica is restarted
 * gracefully; {@code 0} for no limit
 * @param healthPath the readiness path of the replicas
 * @param drainDelay how long a stopping replica keeps serving after it turned unready
 * @param startTimeout how long a replica may take to become ready
 * @param runDirectory where logs, state and the backends file go
 */
public record LaunchOptions(int replicas, int port, String address, Path app, Path gateway, @Nullable URI redis,
		List<String> jvmOptions, boolean classDataSharing, int maxRestarts, Duration restartWindow, long maxMemory,
		String healthPath, Duration drainDelay, Duration startTimeout, Path runDirectory) {

	public static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
			+ "-XX:ReservedCodeCacheSize=64m";

	static final boolean DEFAULT_CLASS_DATA_SHARING = true;

	public static final int DEFAULT_PORT = 8080;

	public static final String DEFAULT_ADDRESS = "127.0.0.1";

	public static final String DEFAULT_RUN_DIRECTORY = ".scaleout";

	public static final URI EMBEDDED_REDIS = URI.create("embedded");

	public static final int DEFAULT_MAX_RESTARTS = 10;

	public static final Duration DEFAULT_RESTART_WINDOW = Duration.ofMinutes(5);

	public static final String DEFAULT_HEALTH_PATH = "/actuator/health/readiness";

	public static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(2);

	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

	public static final String SAMPLE_APP_JAR = "sample-app/target/scaleout-sample-app-0.1.0-SNAPSHOT.jar";

	public static final String GATEWAY_JAR = "gateway/target/scaleout-gateway-0.1.0-SNAPSHOT.jar";

	/**
	 * The defaults, for a project checked out at {@code home}.
	 * @param home the repository root, where the jars and the run directory are
	 * @return the options {@code ./scaleout up} uses without flags
	 */
	public static LaunchOptions defaults(Path home) {
		return new LaunchOptions(defaultReplicas(), DEFAULT_PORT, DEFAULT_ADDRESS, home.resolve(SAMPLE_APP_JAR),
				home.resolve(GATEWAY_JAR), null, split(DEFAULT_JVM_OPTIONS), DEFAULT_CLASS_DATA_SHARING,
				DEFAULT_MAX_RESTARTS, DEFAULT_RESTART_WINDOW, 0, DEFAULT_HEALTH_PATH, DEFAULT_DRAIN_DELAY,
				DEFAULT_START_TIMEOUT, home.resolve(DEFAULT_RUN_DIRECTORY));
	}

	/**
	 * One replica per core, but at least two: one replica alone cannot be reloaded or
	 * crash without downtime.
	 * @return the default replica count
	 */
	static int defaultReplicas() {
		return Math.max(2, Runtime.getRuntime().availableProcessors());
	}

	public static List<String> split(String options) {
		return Arrays.stream(options.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	public LaunchOptions withReplicas(int replicas) {
		return new LaunchOptions(replicas, this.port, this.address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withPort(int port) {
		return new LaunchOptions(this.replicas, port, this.address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withAddress(String address) {
		return new LaunchOptions(this.replicas, this.port, address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withApp(Path app) {
		return new LaunchOptions(this.replicas, this.port, this.address, app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withGateway(Path gateway) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withRedis(@Nullable URI redis) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withJvmOptions(List<String> jvmOptions) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				List.copyOf(jvmOptions), this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withClassDataSharing(boolean classDataSharing) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withMaxRestarts(int maxRestarts) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withRestartWindow(Duration restartWindow) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withMaxMemory(long maxMemory) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withHealthPath(String healthPath) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withDrainDelay(Duration drainDelay) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, drainDelay, this.startTimeout, this.runDirectory);
	}

	public LaunchOptions withStartTimeout(Duration startTimeout) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, startTimeout, this.runDirectory);
	}

	public LaunchOptions withRunDirectory(Path runDirectory) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, runDirectory);
	}

}
