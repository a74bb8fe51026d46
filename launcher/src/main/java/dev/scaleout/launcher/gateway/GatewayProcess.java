package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.launcher.Java;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.LoopbackHttp;
import dev.scaleout.launcher.Redis;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.ConsoleFilter;

/**
 * The gateway in front of the replicas, finding them through the backends file the
 * launcher keeps up to date ({@code scaleout.gateway.discovery=file}).
 */
public final class GatewayProcess {

	/** The gateway carries traffic for every replica: full JIT, but a capped heap and serial GC. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC");

	/** Spring Boot binds it to scaleout.gateway.admin.token. */
	static final String ADMIN_TOKEN_VARIABLE = "SCALEOUT_GATEWAY_ADMIN_TOKEN";

	private final ChildProcess process;

	private final int port;

	private GatewayProcess(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the gateway, with its admin API on a loopback port of its own.
	 * @param options the launch options, for its port, address and jar
	 * @param redis where Redis is
	 * @param admin the admin API's port and the token its writes require
	 * @param run the run directory
	 * @param clock the time source
	 * @return the starting gateway
	 * @throws IOException when the JVM cannot be started
	 */
	public static GatewayProcess start(LaunchOptions options, Redis redis, RunDirectory.GatewayAdmin admin,
			RunDirectory run, Clock clock) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(options.gateway().toString());
		command.add("--server.port=" + options.port());
		command.add("--server.address=" + options.address());
		command.add("--scaleout.gateway.discovery=file");
		command.add("--scaleout.gateway.file.path=" + run.backendsFile());
		command.add("--scaleout.gateway.file.refresh-interval=250ms");
		command.add("--scaleout.gateway.health.path=" + options.healthPath());
		command.add("--scaleout.gateway.health.interval=1s");
		command.add("--scaleout.gateway.admin.port=" + admin.port());
		command.add("--spring.data.redis.host=" + redis.host());
		command.add("--spring.data.redis.port=" + redis.port());
		command.add(ConsoleFilter.LOGGED_BANNER);
		// The token goes in the environment: arguments are world-readable in /proc, the environment is not.
		Map<String, String> environment = Map.of(ADMIN_TOKEN_VARIABLE, admin.token());
		return new GatewayProcess(
				ChildProcess.start("gateway", command, environment, run.log("gateway"), clock), options.port());
	}

	public ChildProcess process() {
		return this.process;
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public boolean isReady() {
		return LoopbackHttp.isOk(baseUrl() + "/actuator/health/readiness");
	}

	public GatewayView view() {
		return new GatewayView(baseUrl());
	}

}
