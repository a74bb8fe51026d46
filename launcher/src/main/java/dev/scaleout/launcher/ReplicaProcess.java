package dev.scaleout.launcher;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One running replica: a JVM of the app jar on its own loopback port, told where Redis
 * is, what its instance id is and which process supervises it.
 */
final class ReplicaProcess {

	private final ChildProcess process;

	private final int port;

	private ReplicaProcess(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a replica on a free port.
	 * @param name the instance id, e.g. {@code replica-1}
	 * @param options the launch options
	 * @param redis where Redis is
	 * @param run the run directory
	 * @param clock the time source
	 * @return the starting replica
	 * @throws IOException when the JVM cannot be started
	 */
	static ReplicaProcess start(String name, LaunchOptions options, RedisServer redis, RunDirectory run, Clock clock)
			throws IOException {
		int port = FreePorts.find();
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.addAll(options.jvmOptions());
		command.add("-jar");
		command.add(options.app().toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.add("--spring.data.redis.host=" + redis.host());
		command.add("--spring.data.redis.port=" + redis.port());
		if (redis.password() != null) {
			command.add("--spring.data.redis.password=" + redis.password());
		}
		command.add("--scaleout.instance.id=" + name);
		command.add("--scaleout.shutdown.parent-pid=" + ProcessHandle.current().pid());
		command.add("--scaleout.shutdown.drain-delay=" + Durations.describe(options.drainDelay()));
		command.add("--management.endpoint.health.probes.enabled=true");
		return new ReplicaProcess(ChildProcess.start(name, command, run.log(name), clock), port);
	}

	String name() {
		return this.process.name();
	}

	ChildProcess process() {
		return this.process;
	}

	int port() {
		return this.port;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	boolean isReady(String healthPath) {
		return LoopbackHttp.isOk(url() + healthPath);
	}

	@Override
	public String toString() {
		return name() + " (pid " + this.process.pid() + ", port " + this.port + ")";
	}

}
