package dev.scaleout.launcher;

/**
 * {@code ./scaleout help}.
 */
final class Usage {

	static final String TEXT = """
			Usage: ./scaleout <command> [flags]

			Commands:
			  up       Run Redis, N replicas of the app and the gateway; Ctrl-C stops everything
			  status   Print every process (pid, port, uptime, restarts, RSS, state) and the gateway's view
			  reload   Replace the replicas one at a time, without failing a request
			  stop     Stop the running 'up' gracefully

			Flags of up (status, reload and stop take --run-dir only):
			  --replicas N          replicas to run (default: number of cores, at least 2)
			  --port P              the gateway's port (default 8080)
			  --address A           the gateway's address (default 127.0.0.1; 0.0.0.0 for every interface)
			  --app JAR             the Spring Boot jar to replicate (default: the sample app)
			  --gateway JAR         the gateway's jar (default: gateway/target/…)
			  --redis URL           use this Redis, redis://[:password@]host:port; 'embedded' starts the binary
			                        shipped in embedded-redis (default: start redis-server from the PATH, else that one)
			  --jvm-opts "OPTS"     JVM options of each replica (default: %s)
			  --cds auto|off        auto: replicas start from a class-data-sharing archive of the app jar, made by
			                        one training run when the jar is new (default auto; off: from the jar as is)
			  --max-restarts N      restarts of one replica within --restart-window before giving up (default 10)
			  --restart-window D    (default 5m)
			  --max-memory SIZE     replace a replica gracefully when its RSS passes SIZE, e.g. 512m (default: no limit)
			  --health-path PATH    the replicas' readiness path (default /actuator/health/readiness)
			  --drain-delay D       how long a stopping replica keeps serving (default 2s)
			  --start-timeout D     how long a replica may take to become ready (default 2m)
			  --run-dir DIR         logs, state and the backends file (default .scaleout)
			""".formatted(LaunchOptions.DEFAULT_JVM_OPTIONS);

	private Usage() {
	}

}
