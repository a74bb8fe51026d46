package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.FreePorts;
import dev.scaleout.launcher.Java;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.LoopbackHttp;
import dev.scaleout.launcher.Redis;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.cds.ReplicaLaunch;
import dev.scaleout.launcher.console.ConsoleFilter;

/**
 * One running replica: a JVM of the app jar, or of its extracted copy with a CDS archive,
 * on its own loopback port, told where Redis is, what its instance id is and which
 * process supervises it.
 */
public final class ReplicaProcess {

	private final ChildProcess process;

	private final int port;

	private final ReplicaLaunch launch;

	private ReplicaProcess(ChildProcess process, int port, ReplicaLaunch launch) {
		this.process = process;
		this.port = port;
		this.launch = launch;
	}

	/**
	 * Starts a replica on a free port.
	 * @param name the instance id, e.g. {@code replica-1}
	 * @param launch what its JVM runs
	 * @param options the launch options
	 * @param redis where Redis is
	 * @param run the run directory
	 * @param clock the time source
	 * @return the starting replica
	 * @throws IOException when the JVM cannot be started
	 */
	public static ReplicaProcess start(String name, ReplicaLaunch launch, LaunchOptions options, Redis redis,
			RunDirectory run, Clock clock) throws IOException {
		int port = FreePorts.find();
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.addAll(options.jvmOptions());
		command.addAll(launch.jvmArguments());
		command.addAll(arguments(name, port, options, redis));
		return new ReplicaProcess(ChildProcess.start(name, command, run.log(name), clock), port, launch);
	}

	/**
	 * The application arguments of a replica.
	 * @param name its instance id
	 * @param port its port
	 * @param options the launch options
	 * @param redis where Redis is
	 * @return the arguments after the jar
	 */
	public static List<String> arguments(String name, int port, LaunchOptions options, Redis redis) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + port);
		arguments.add("--server.address=127.0.0.1");
		arguments.add("--spring.data.redis.host=" + redis.host());
		arguments.add("--spring.data.redis.port=" + redis.port());
		if (redis.password() != null) {
			arguments.add("--spring.data.redis.password=" + redis.password());
		}
		arguments.add("--scaleout.instance.id=" + name);
		arguments.add("--scaleout.shutdown.parent-pid=" + ProcessHandle.current().pid());
		arguments.add("--scaleout.shutdown.drain-delay=" + Durations.describe(options.drainDelay()));
		arguments.add("--management.endpoint.health.probes.enabled=true");
		arguments.add(ConsoleFilter.LOGGED_BANNER);
		return arguments;
	}

	public String name() {
		return this.process.name();
	}

	public ChildProcess process() {
		return this.process;
	}

	public int port() {
		return this.port;
	}

	ReplicaLaunch launch() {
		return this.launch;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public boolean isReady(String healthPath) {
		return LoopbackHttp.isOk(url() + healthPath);
	}

	@Override
	public String toString() {
		return name() + " (pid " + this.process.pid() + ", port " + this.port + ")";
	}

}
