package dev.scaleout.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import dev.scaleout.launcher.DataSizes;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.LaunchOptions;
import org.jspecify.annotations.Nullable;

/**
 * The one table of flags: the parser reads flags with it and the help text lists it, so
 * the two cannot disagree. Defaults come from {@link LaunchOptions}'s constants.
 *
 * @param name the flag, e.g. {@code --replicas}
 * @param alias a short form, e.g. {@code -f}, or {@code null}
 * @param value what it takes, e.g. {@code N}, or {@code null} for a switch
 * @param meaning what it does, for the help text
 * @param commands the commands that take it
 * @param apply reads the flag's value into the command line
 */
record Flag(String name, @Nullable String alias, @Nullable String value, String meaning, Set<Command> commands,
		BiFunction<CommandLine, String, CommandLine> apply) {

	private static final Set<Command> UP = EnumSet.of(Command.UP);

	static final List<Flag> ALL = List.of(
			up("--replicas", "N", "replicas to run (default: number of cores, at least 2)",
					(o, v) -> o.withReplicas(atLeast(1, Integer.parseInt(v)))),
			up("--port", "P", "the gateway's port (default " + LaunchOptions.DEFAULT_PORT + ")",
					(o, v) -> o.withPort(port(v))),
			up("--address", "A", "the gateway's address (default " + LaunchOptions.DEFAULT_ADDRESS
					+ "; 0.0.0.0 for every interface)", LaunchOptions::withAddress),
			up("--app", "JAR", "the Spring Boot jar to replicate (default: the sample app)",
					(o, v) -> o.withApp(Path.of(v).toAbsolutePath())),
			up("--gateway", "JAR", "the gateway's jar (default: gateway/target/…)",
					(o, v) -> o.withGateway(Path.of(v).toAbsolutePath())),
			up("--redis", "URL", "use this Redis, redis://[:password@]host:port; 'embedded' starts the binary shipped "
					+ "in embedded-redis (default: start redis-server from the PATH, else that one)",
					(o, v) -> o.withRedis(redisUri(v))),
			up("--jvm-opts", "\"OPTS\"", "JVM options of each replica (default: " + LaunchOptions.DEFAULT_JVM_OPTIONS
					+ ")", (o, v) -> o.withJvmOptions(LaunchOptions.split(v))),
			up("--cds", "auto|off", "auto: replicas start from a class-data-sharing archive of the app jar, made by "
					+ "one training run when the jar is new (default auto; off: from the jar as is)",
					(o, v) -> o.withClassDataSharing(autoOrOff(v))),
			up("--max-restarts", "N", "crash restarts of one process (a replica, the gateway, Redis) within "
					+ "--restart-window before giving up (default " + LaunchOptions.DEFAULT_MAX_RESTARTS + ")",
					(o, v) -> o.withMaxRestarts(atLeast(0, Integer.parseInt(v)))),
			up("--restart-window", "D", "how far back restarts count for --max-restarts (default "
					+ Durations.describe(LaunchOptions.DEFAULT_RESTART_WINDOW) + ")",
					(o, v) -> o.withRestartWindow(Durations.parse(v))),
			up("--max-memory", "SIZE", "replace a replica gracefully when its RSS passes SIZE, e.g. 512m (default: "
					+ "no limit)", (o, v) -> o.withMaxMemory(DataSizes.parse(v))),
			up("--health-path", "PATH", "the replicas' readiness path (default " + LaunchOptions.DEFAULT_HEALTH_PATH
					+ ")", (o, v) -> o.withHealthPath(v.startsWith("/") ? v : "/" + v)),
			up("--drain-delay", "D", "how long a stopping replica keeps serving (default "
					+ Durations.describe(LaunchOptions.DEFAULT_DRAIN_DELAY) + ")",
					(o, v) -> o.withDrainDelay(Durations.parse(v))),
			up("--start-timeout", "D", "how long a replica may take to become ready (default "
					+ Durations.describe(LaunchOptions.DEFAULT_START_TIMEOUT) + ")",
					(o, v) -> o.withStartTimeout(Durations.parse(v))),
			new Flag("--run-dir", null, "DIR", "logs, state and the backends file (default "
					+ LaunchOptions.DEFAULT_RUN_DIRECTORY + ")", EnumSet.complementOf(EnumSet.of(Command.HELP)),
					(line, v) -> line.withOptions(line.options().withRunDirectory(Path.of(v).toAbsolutePath()))),
			new Flag("--watch", null, null, "redraw the table every second until Ctrl-C",
					EnumSet.of(Command.STATUS), (line, v) -> line.withWatch(true)),
			new Flag("--follow", "-f", null, "keep printing lines as the files grow, until Ctrl-C",
					EnumSet.of(Command.LOGS), (line, v) -> line.withFollow(true)));

	private static Flag up(String name, String value, String meaning,
			BiFunction<LaunchOptions, String, LaunchOptions> apply) {
		return new Flag(name, null, value, meaning, UP,
				(line, v) -> line.withOptions(apply.apply(line.options(), v)));
	}

	/**
	 * Whether the flag takes a value.
	 * @return {@code false} for a switch such as {@code --watch}
	 */
	boolean takesValue() {
		return this.value != null;
	}

	boolean isNamed(String word) {
		return this.name.equals(word) || word.equals(this.alias);
	}

	/**
	 * The flag as the help text shows it.
	 * @return e.g. {@code --replicas N} or {@code -f, --follow}
	 */
	String synopsis() {
		String names = (this.alias != null) ? this.alias + ", " + this.name : this.name;
		return takesValue() ? names + " " + this.value : names;
	}

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
		if (LaunchOptions.EMBEDDED_REDIS.toString().equals(value)) {
			return LaunchOptions.EMBEDDED_REDIS;
		}
		URI uri = URI.create(value);
		if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() == -1) {
			throw new IllegalArgumentException("use redis://host:port, redis://:password@host:port or embedded");
		}
		return uri;
	}

}
