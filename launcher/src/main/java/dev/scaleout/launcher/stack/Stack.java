package dev.scaleout.launcher.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.launcher.FreePorts;
import dev.scaleout.launcher.Java;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.Redis;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.cds.ArchiveKind;
import dev.scaleout.launcher.cds.CdsTraining;
import dev.scaleout.launcher.cds.ClassDataSharing;
import dev.scaleout.launcher.cds.ReplicaLaunch;
import dev.scaleout.launcher.console.Console;
import dev.scaleout.launcher.console.StatusTable;
import dev.scaleout.launcher.control.ControlServer;
import dev.scaleout.launcher.control.ControlledStack;
import dev.scaleout.launcher.gateway.GatewayProcess;
import dev.scaleout.launcher.gateway.GatewayView;
import dev.scaleout.launcher.supervision.MemoryWatch;
import dev.scaleout.launcher.supervision.ReplicaProcess;
import dev.scaleout.launcher.supervision.RollingReload;
import dev.scaleout.launcher.supervision.ServiceSupervisor;
import dev.scaleout.launcher.supervision.SlotState;
import dev.scaleout.launcher.supervision.Supervisor;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ./scaleout up} runs: Redis, the supervised replicas and the gateway, the
 * control endpoint for the other commands, and an orderly stop on Ctrl-C, SIGTERM or
 * {@code ./scaleout stop}: the gateway first (no new requests), then every replica
 * (each drains and finishes its requests), then Redis.
 */
public final class Stack implements ControlledStack {

	private final LaunchOptions options;

	private final RunDirectory run;

	private final Clock clock;

	private final Console console;

	private final OrphanReaper reaper;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final CountDownLatch done = new CountDownLatch(1);

	private Redis redis;

	private @Nullable ClassDataSharing classDataSharing;

	private @Nullable Supervisor supervisor;

	private @Nullable ServiceSupervisor<GatewayProcess> gateway;

	private @Nullable ServiceSupervisor<ChildProcess> redisProcess;

	private GatewayView gatewayView;

	private @Nullable RollingReload reload;

	private @Nullable ControlServer control;

	private @Nullable MemoryWatch memoryWatch;

	public Stack(LaunchOptions options, Clock clock) {
		this.options = options;
		this.run = new RunDirectory(options.runDirectory());
		this.clock = clock;
		this.run.create();
		this.console = new Console(System.out, this.run.log("launcher"));
		this.reaper = new OrphanReaper(this.run.childrenFile());
	}

	/**
	 * Starts everything, prints the table, and blocks until the stack is stopped.
	 * @return the exit status
	 */
	public int up() throws Exception {
		var running = this.run.readState();
		if (running.isPresent()) {
			System.err.println("./scaleout up is already running here (pid " + running.get().pid()
					+ "); use ./scaleout status, reload or stop");
			return 1;
		}
		requireJar(this.options.app(), "--app");
		requireJar(this.options.gateway(), "--gateway");
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "scaleout-stop"));
		this.reaper.start();
		this.console.event("run directory " + this.run.root() + " (logs in logs/)");
		this.redis = startRedis();
		ArchiveKind kind = ArchiveKind.forJava(Java.feature());
		CdsTraining training = new CdsTraining(kind, this.options.jvmOptions(),
				ReplicaProcess.arguments(CdsTraining.NAME, 0, this.options, this.redis), this.run, this.reaper,
				this.clock, CdsTraining.TIMEOUT);
		this.classDataSharing = new ClassDataSharing(this.options, this.run, kind, training, this.console, this.clock);
		ReplicaLaunch launch = this.classDataSharing.prepare();
		this.classDataSharing.retainOnly(List.of(launch));
		if (this.stopped.get()) {
			return 0;
		}
		this.supervisor = new Supervisor(this.options, launch, this.redis, this.run, this.clock, this.console,
				this.reaper);
		this.supervisor.startAll();
		startGateway();
		this.reload = new RollingReload(this.supervisor, this.gatewayView, this.classDataSharing);
		if (this.options.maxMemory() > 0) {
			this.memoryWatch = new MemoryWatch(this.supervisor, this.reload, this.options.maxMemory());
		}
		String token = secret();
		this.control = new ControlServer(token, this);
		this.run.writeState(new RunDirectory.LauncherState(ProcessHandle.current().pid(), this.control.port(), token,
				this.options.port()));
		awaitStarted();
		this.done.await();
		return 0;
	}

	private void startGateway() throws IOException {
		RunDirectory.GatewayAdmin admin = new RunDirectory.GatewayAdmin(FreePorts.find(), secret());
		this.run.writeGatewayAdmin(admin);
		GatewayProcess first = GatewayProcess.start(this.options, this.redis, admin, this.run, this.clock);
		this.console.event("gateway starting: pid " + first.process().pid() + ", port " + first.port()
				+ ", admin API on 127.0.0.1:" + admin.port());
		this.gateway = new ServiceSupervisor<>("gateway", this.options.port(),
				() -> GatewayProcess.start(this.options, this.redis, admin, this.run, this.clock),
				GatewayProcess::process, GatewayProcess::isReady, this.options, this.clock, this.console, this.reaper,
				this.run);
		this.gateway.supervise(first);
		this.gatewayView = first.view();
	}

	private static String secret() {
		return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
	}

	private void requireJar(Path jar, String flag) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("No jar at " + jar + "; build it with ./mvnw -B -DskipTests package, "
					+ "or name another with " + flag);
		}
	}

	private Redis startRedis() throws IOException {
		boolean embedded = LaunchOptions.EMBEDDED_REDIS.equals(this.options.redis());
		if (this.options.redis() != null && !embedded) {
			Redis external = Redis.external(this.options.redis());
			this.console.event("using Redis at " + external.origin());
			return external;
		}
		Redis started = Redis.start(this.run, embedded, this.clock);
		this.redisProcess = new ServiceSupervisor<>("redis", started.port(), started::restart, (process) -> process,
				(process) -> true, this.options, this.clock, this.console, this.reaper, this.run);
		started.process().ifPresent(this.redisProcess::supervise);
		this.console.event("redis ready: " + started.origin() + " on port " + started.port() + ", data in "
				+ this.run.root().resolve("redis"));
		return started;
	}

	private void awaitStarted() {
		Duration timeout = this.options.startTimeout();
		boolean replicasReady = this.supervisor.awaitAllReady(timeout);
		java.time.Instant deadline = this.clock.instant().plus(timeout);
		while (this.gateway.state() == SlotState.STARTING && this.clock.instant().isBefore(deadline)
				&& !this.stopped.get()) {
			Pause.briefly(Duration.ofMillis(200));
		}
		GatewayView view = this.gatewayView;
		while (replicasReady && this.clock.instant().isBefore(deadline) && !this.stopped.get()
				&& !this.supervisor.rows().stream().allMatch((row) -> view.routesTo("http://127.0.0.1:" + row.port()))) {
			Pause.briefly(Duration.ofMillis(200));
		}
		if (this.stopped.get()) {
			return;
		}
		this.console.plain("\n" + status() + "\n");
		if (replicasReady && this.gateway.state() == SlotState.READY) {
			this.console.event("ready: open http://" + displayHost() + ":" + this.options.port()
					+ "/  (./scaleout status | logs | reload | stop from another terminal, Ctrl-C here)");
		}
		else {
			this.console.event("!!! not every process is ready; see the table above and the logs in "
					+ this.run.root().resolve("logs"));
		}
	}

	private String displayHost() {
		return "0.0.0.0".equals(this.options.address()) ? "localhost" : this.options.address();
	}

	@Override
	public String status() {
		List<StatusTable.Row> rows = new ArrayList<>(this.supervisor.rows());
		rows.add(this.gateway.row());
		if (this.redisProcess != null) {
			rows.add(this.redisProcess.row());
		}
		Map<String, String> view = Map.of();
		String error = null;
		try {
			view = this.gatewayView.backends();
		}
		catch (IOException ex) {
			error = ex.getMessage();
		}
		return StatusTable.render(rows, view, error);
	}

	@Override
	public String reload() throws Exception {
		return this.reload.reloadAll();
	}

	@Override
	public Map<String, String> replicaAddresses() {
		return this.supervisor.replicaAddresses();
	}

	/**
	 * Stops the stack from a thread of its own, as {@code ./scaleout stop} asks: the JVM's
	 * shutdown hook does the stopping.
	 */
	@Override
	public void stopInBackground() {
		new Thread(() -> System.exit(0), "scaleout-exit").start();
	}

	/**
	 * Stops everything, in order; safe to call more than once.
	 */
	public void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		this.console.event("stopping: gateway, then replicas (each drains), then Redis");
		if (this.classDataSharing != null) {
			this.classDataSharing.stop();
		}
		if (this.memoryWatch != null) {
			this.memoryWatch.stop();
		}
		if (this.reload != null) {
			this.reload.stop();
		}
		if (this.gateway != null) {
			this.gateway.stop(Duration.ofSeconds(30));
		}
		if (this.supervisor != null) {
			this.supervisor.stop();
		}
		if (this.redisProcess != null) {
			this.redisProcess.stop(Duration.ofSeconds(30));
		}
		if (this.control != null) {
			this.control.close();
		}
		this.run.deleteState();
		this.reaper.stop();
		this.console.close();
		this.console.event("stopped; nothing is left running");
		this.done.countDown();
	}

}
