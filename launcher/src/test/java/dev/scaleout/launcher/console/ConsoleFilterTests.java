package dev.scaleout.launcher.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console of {@code up} shows of a child's log: warnings and errors with their
 * stack traces, a process's milestones, and what a JVM prints before its first log line;
 * not the startup INFO lines nor the banner, which stay in the log file.
 */
class ConsoleFilterTests {

	private final ConsoleFilter filter = new ConsoleFilter();

	@Test
	void leavesOutTheGatewaysStartupNoiseButShowsItsStartedLine() {
		List<String> log = List.of(
				"2026-11-29T13:55:13.700Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] o.s.boot.SpringApplication"
						+ "               : ",
				"  .   ____          _            __ _ _", " :: Spring Boot ::                (v4.0.7)",
				"2026-11-29T13:55:13.805Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] d.s.g.GatewayApplication"
						+ "                 : Starting GatewayApplication using Java 17.0.15",
				"2026-11-29T13:55:15.238Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] o.s.c.g.r.RouteDefinitionRouteLocator"
						+ "    : Loaded RoutePredicateFactory [After]",
				"2026-11-29T13:55:15.239Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] o.s.c.g.r.RouteDefinitionRouteLocator"
						+ "    : Loaded RoutePredicateFactory [Before]",
				"2026-11-29T13:55:16.001Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] o.s.b.r.n.NettyWebServer"
						+ "                 : Netty started on port 8080 (http)",
				"2026-11-29T13:55:16.102Z  INFO [gateway] 20600 --- [scaleout-gateway] [main] d.s.g.GatewayApplication"
						+ "                 : Started GatewayApplication in 3.1 seconds (process running for 3.6)");
		assertThat(log.stream().filter(this.filter::shows))
			.containsExactly(log.get(log.size() - 1));
	}

	@Test
	void showsAWarningOrAnErrorWithTheLinesThatContinueIt() {
		assertThat(this.filter.shows("2026-11-29T13:55:15.238Z  INFO [replica-1] 1 --- [main] Starting")).isFalse();
		assertThat(this.filter.shows("2026-11-29T13:56:00.000Z ERROR [replica-1] 1 --- [nio-1] Request failed"))
			.isTrue();
		assertThat(this.filter.shows("java.lang.IllegalStateException: boom")).isTrue();
		assertThat(this.filter.shows("\tat com.example.Thing.run(Thing.java:12)")).isTrue();
		assertThat(this.filter.shows("2026-11-29T13:56:00.100Z  WARN [replica-1] 1 --- [main] Redis is slow")).isTrue();
		assertThat(this.filter.shows("2026-11-29T13:56:01.000Z  INFO [replica-1] 1 --- [main] fine again")).isFalse();
		assertThat(this.filter.shows("a line that continues it")).isFalse();
	}

	@Test
	void showsWhatANewProcessPrintsBeforeItsFirstLogLine() {
		assertThat(this.filter.shows("2026-11-29T13:55:15.238Z  INFO [replica-1] 1 --- [main] Stopping")).isFalse();
		this.filter.processStarted();
		assertThat(this.filter.shows("Unrecognized VM option 'ScaleoutNoSuchFlag'")).isTrue();
		assertThat(this.filter.shows("Error: Could not create the Java Virtual Machine.")).isTrue();
	}

	@Test
	void leavesOutWhatRedisLogsAtItsWarningLevelAtEveryStartAndStop() {
		List<String> log = List.of("20838:C 29 Nov 2026 14:14:53.425 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
				"20838:C 29 Nov 2026 14:14:53.425 # Redis version=7.0.15, bits=64, commit=00000000, modified=0",
				"20838:C 29 Nov 2026 14:14:53.425 # Configuration loaded",
				"20838:M 29 Nov 2026 14:14:53.428 # Server initialized",
				"20838:M 29 Nov 2026 14:14:53.428 * Ready to accept connections",
				"20838:signal-handler (1795961723) Received SIGTERM scheduling shutdown...",
				"20838:M 29 Nov 2026 14:15:23.742 # User requested shutdown...",
				"20838:M 29 Nov 2026 14:15:23.744 # Redis is now ready to exit, bye bye...");
		assertThat(log.stream().filter(this.filter::shows)).containsExactly(log.get(4));
	}

	@Test
	void showsRedisWarningsAndReadinessOnly() {
		assertThat(this.filter.shows("4110:M 29 Nov 2026 13:55:10.100 * Server initialized")).isFalse();
		assertThat(this.filter.shows("4110:M 29 Nov 2026 13:55:10.101 # WARNING Memory overcommit must be enabled!"))
			.isTrue();
		assertThat(this.filter.shows("4110:M 29 Nov 2026 13:55:10.102 * Ready to accept connections tcp")).isTrue();
	}

	@Test
	void showsTheMilestonesOfAGracefulShutdown() {
		assertThat(this.filter.shows("2026-11-29T14:00:00.000Z  INFO [replica-1] 1 --- [main] o.s.b.w.e.t.GracefulShutdown"
				+ " : Commencing graceful shutdown. Waiting for active requests to complete")).isTrue();
		assertThat(this.filter.shows("2026-11-29T14:00:00.500Z  INFO [replica-1] 1 --- [tomcat-shutdown] "
				+ "o.s.b.w.e.t.GracefulShutdown : Graceful shutdown complete")).isTrue();
	}

}
