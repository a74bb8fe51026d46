package dev.scaleout.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Everything {@code ./scaleout up} can be told, with the defaults stated once.
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
record LaunchOptions(int replicas, int port, String address, Path app, Path gateway, URI redis,
		List<String> jvmOptions, boolean classDataSharing, int maxRestarts, Duration restartWindow, long maxMemory,
		String healthPath, Duration drainDelay, Duration startTimeout, Path runDirectory) {

	static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
			+ "-XX:ReservedCodeCacheSize=64m";

	static final boolean DEFAULT_CLASS_DATA_SHARING = true;

	static final int DEFAULT_PORT = 8080;

	static final URI EMBEDDED_REDIS = URI.create("embedded");

	static final int DEFAULT_MAX_RESTARTS = 10;

	static final Duration DEFAULT_RESTART_WINDOW = Duration.ofMinutes(5);

	static final String DEFAULT_HEALTH_PATH = "/actuator/health/readiness";

	static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(2);

	static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

	static final String SAMPLE_APP_JAR = "sample-app/target/scaleout-sample-app-0.1.0-SNAPSHOT.jar";

	static final String GATEWAY_JAR = "gateway/target/scaleout-gateway-0.1.0-SNAPSHOT.jar";

	/**
	 * The defaults, for a project checked out at {@code home}.
	 * @param home the repository root, where the jars and the run directory are
	 * @return the options {@code ./scaleout up} uses without flags
	 */
	static LaunchOptions defaults(Path home) {
		return new LaunchOptions(defaultReplicas(), DEFAULT_PORT, "127.0.0.1", home.resolve(SAMPLE_APP_JAR),
				home.resolve(GATEWAY_JAR), null, split(DEFAULT_JVM_OPTIONS), DEFAULT_CLASS_DATA_SHARING,
				DEFAULT_MAX_RESTARTS, DEFAULT_RESTART_WINDOW, 0, DEFAULT_HEALTH_PATH, DEFAULT_DRAIN_DELAY,
				DEFAULT_START_TIMEOUT, home.resolve(".scaleout"));
	}

	/**
	 * One replica per core, but at least two: one replica alone cannot be reloaded or
	 * crash without downtime.
	 * @return the default replica count
	 */
	static int defaultReplicas() {
		return Math.max(2, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Reads flags ({@code --name value} or {@code --name=value}) over the defaults.
	 * @param home the repository root
	 * @param args the flags
	 * @return the options
	 * @throws IllegalArgumentException naming the flag when one is unknown or invalid
	 */
	static LaunchOptions parse(Path home, List<String> args) {
		LaunchOptions options = defaults(home);
		List<String> flags = new ArrayList<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				flags.add(arg.substring(0, equals));
				flags.add(arg.substring(equals + 1));
			}
			else {
				flags.add(arg);
			}
		}
		for (int i = 0; i < flags.size(); i += 2) {
			String flag = flags.get(i);
			BiFunction<LaunchOptions, String, LaunchOptions> setter = SETTERS.get(flag);
			if (setter == null) {
				throw new IllegalArgumentException("Unknown option '" + flag + "'; see ./scaleout help");
			}
			if (i + 1 >= flags.size()) {
				throw new IllegalArgumentException("Option " + flag + " needs a value");
			}
			try {
				options = setter.apply(options, flags.get(i + 1));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(
						"Invalid value '" + flags.get(i + 1) + "' for " + flag + ": " + ex.getMessage());
			}
		}
		return options;
	}

	private static final Map<String, BiFunction<LaunchOptions, String, LaunchOptions>> SETTERS = Map.ofEntries(
			Map.entry("--replicas", (o, v) -> o.withReplicas(atLeast(1, Integer.parseInt(v)))),
			Map.entry("--port", (o, v) -> o.withPort(port(v))),
			Map.entry("--address", (o, v) -> o.withAddress(v)),
			Map.entry("--app", (o, v) -> o.withApp(Path.of(v).toAbsolutePath())),
			Map.entry("--gateway", (o, v) -> o.withGateway(Path.of(v).toAbsolutePath())),
			Map.entry("--redis", (o, v) -> o.withRedis(redisUri(v))),
			Map.entry("--jvm-opts", (o, v) -> o.withJvmOptions(split(v))),
			Map.entry("--cds", (o, v) -> o.withClassDataSharing(autoOrOff(v))),
			Map.entry("--max-restarts", (o, v) -> o.withMaxRestarts(atLeast(0, Integer.parseInt(v)))),
			Map.entry("--restart-window", (o, v) -> o.withRestartWindow(Durations.parse(v))),
			Map.entry("--max-memory", (o, v) -> o.withMaxMemory(DataSizes.parse(v))),
			Map.entry("--health-path", (o, v) -> o.withHealthPath(v.startsWith("/") ? v : "/" + v)),
			Map.entry("--drain-delay", (o, v) -> o.withDrainDelay(Durations.parse(v))),
			Map.entry("--start-timeout", (o, v) -> o.withStartTimeout(Durations.parse(v))),
			Map.entry("--run-dir", (o, v) -> o.withRunDirectory(Path.of(v).toAbsolutePath())));

	private static int atLeast(int minimum, int value) {
		if (value < minimum) {
			throw new IllegalArgumentException("it must be at least " + minimum);
		}
		return value;
	}

	private static int port(String value) {
		int port = Integer.parseInt(value);
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("a port is between 1 and 65535");
		}
		return port;
	}

	private static boolean autoOrOff(String value) {
		return switch (value) {
			case "auto" -> true;
			case "off" -> false;
			default -> throw new IllegalArgumentException("use auto or off");
		};
	}

	private static URI redisUri(String value) {
		if (EMBEDDED_REDIS.toString().equals(value)) {
			return EMBEDDED_REDIS;
		}
		URI uri = URI.create(value);
		if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() == -1) {
			throw new IllegalArgumentException("use redis://host:port, redis://:password@host:port or embedded");
		}
		return uri;
	}

	static List<String> split(String options) {
		return Arrays.stream(options.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	LaunchOptions withReplicas(int replicas) {
		return new LaunchOptions(replicas, this.port, this.address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withPort(int port) {
		return new LaunchOptions(this.replicas, port, this.address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withAddress(String address) {
		return new LaunchOptions(this.replicas, this.port, address, this.app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withApp(Path app) {
		return new LaunchOptions(this.replicas, this.port, this.address, app, this.gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withGateway(Path gateway) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, gateway, this.redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withRedis(URI redis) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, redis, this.jvmOptions,
				this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory, this.healthPath,
				this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withJvmOptions(List<String> jvmOptions) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				List.copyOf(jvmOptions), this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withClassDataSharing(boolean classDataSharing) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withMaxRestarts(int maxRestarts) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withRestartWindow(Duration restartWindow) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withMaxMemory(long maxMemory) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withHealthPath(String healthPath) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				healthPath, this.drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withDrainDelay(Duration drainDelay) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, drainDelay, this.startTimeout, this.runDirectory);
	}

	LaunchOptions withStartTimeout(Duration startTimeout) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, startTimeout, this.runDirectory);
	}

	LaunchOptions withRunDirectory(Path runDirectory) {
		return new LaunchOptions(this.replicas, this.port, this.address, this.app, this.gateway, this.redis,
				this.jvmOptions, this.classDataSharing, this.maxRestarts, this.restartWindow, this.maxMemory,
				this.healthPath, this.drainDelay, this.startTimeout, runDirectory);
	}

}
