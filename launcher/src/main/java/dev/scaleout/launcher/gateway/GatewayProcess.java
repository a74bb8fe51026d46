package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
	public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC");

	private final ChildProcess process;

	private final int port;

	private GatewayProcess(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	public static GatewayProcess start(LaunchOptions options, Redis redis, RunDirectory run, Clock clock)
			throws IOException {
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
		command.add("--spring.data.redis.host=" + redis.host());
		command.add("--spring.data.redis.port=" + redis.port());
		command.add(ConsoleFilter.LOGGED_BANNER);
		return new GatewayProcess(ChildProcess.start("gateway", command, run.log("gateway"), clock), options.port());
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
