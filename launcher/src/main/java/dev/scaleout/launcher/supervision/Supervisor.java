package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.scaleout.launcher.DaemonThreads;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.Redis;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.cds.ReplicaLaunch;
import dev.scaleout.launcher.console.Console;
import dev.scaleout.launcher.console.StatusTable;
import org.jspecify.annotations.Nullable;

/**
 * Keeps N replicas running: starts them, puts each into the backends file once it is
 * ready, takes it out the moment it exits, and restarts a replica that exited unexpectedly
 * after its {@link RestartBackoff} delay — unless its {@link CrashLoopGuard} says it has
 * crashed too often, in which case it stays down and the console says so loudly.
 */
public final class Supervisor {

	private static final Duration READY_POLL = Duration.ofMillis(200);

	private final LaunchOptions options;

	private final Redis redis;

	private final RunDirectory run;

	private final Clock clock;

	private final Console console;

	private final OrphanReaper reaper;

	private final BackendsFile backends;

	private final List<ReplicaSlot> slots = new ArrayList<>();

	private final Set<ReplicaProcess> routed = new LinkedHashSet<>();

	private final Set<ReplicaProcess> running = new LinkedHashSet<>();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, DaemonThreads.named("supervisor"));

	private final ExecutorService waiters = Executors.newCachedThreadPool(DaemonThreads.named("readiness"));

	private volatile ReplicaLaunch replicaLaunch;

	private volatile boolean stopping;

	public Supervisor(LaunchOptions options, ReplicaLaunch launch, Redis redis, RunDirectory run, Clock clock,
			Console console, OrphanReaper reaper) {
		this.options = options;
		this.replicaLaunch = launch;
		this.redis = redis;
		this.run = run;
		this.clock = clock;
		this.console = console;
		this.reaper = reaper;
		this.backends = new BackendsFile(run.backendsFile());
		this.backends.write(List.of());
		for (int i = 1; i <= options.replicas(); i++) {
			this.slots.add(new ReplicaSlot("replica-" + i, new RestartBackoff(),
					new CrashLoopGuard(options.maxRestarts(), options.restartWindow(), clock)));
		}
	}

	/**
	 * Starts every replica without waiting for them.
	 */
	public void startAll() {
		this.slots.forEach(this::launch);
	}

	List<ReplicaSlot> slots() {
		return this.slots;
	}

	public LaunchOptions options() {
		return this.options;
	}

	public Console console() {
		return this.console;
	}

	public Clock clock() {
		return this.clock;
	}

	/**
	 * Sets what the replicas started from now on run, as a reload does before it rolls.
	 * @param launch the app jar, or its CDS form
	 */
	void replicaLaunch(ReplicaLaunch launch) {
		this.replicaLaunch = launch;
	}

	/**
	 * What the live replicas run, and what the next ones will run.
	 * @return every launch in use
	 */
	synchronized Set<ReplicaLaunch> launchesInUse() {
		Set<ReplicaLaunch> launches = new LinkedHashSet<>();
		launches.add(this.replicaLaunch);
		this.running.stream()
			.filter((replica) -> replica.process().isAlive())
			.forEach((replica) -> launches.add(replica.launch()));
		return launches;
	}

	/**
	 * Waits until every replica is ready, or stuck in a crash loop.
	 * @param timeout how long to wait at most
	 * @return whether every replica is ready
	 */
	public boolean awaitAllReady(Duration timeout) {
		Instant deadline = this.clock.instant().plus(timeout);
		while (this.clock.instant().isBefore(deadline) && !this.stopping) {
			synchronized (this) {
				if (this.slots.stream().allMatch((slot) -> slot.state() == SlotState.READY)) {
					return true;
				}
				if (this.slots.stream().anyMatch((slot) -> slot.state() == SlotState.CRASH_LOOP)) {
					return false;
				}
			}
			Pause.briefly(READY_POLL);
		}
		return false;
	}

	private void launch(ReplicaSlot slot) {
		ReplicaProcess replica;
		synchronized (this) {
			// Start and adopt under one lock: a process that dies at once (a bad JVM flag) must find itself the
			// slot's own when its exit is handled, or the crash would go unnoticed.
			replica = startProcess(slot.name());
			if (replica == null) {
				slot.couldNotStart();
				return;
			}
			if (!slot.started(replica)) {
				replica.process().stop(this.options.drainDelay().plusSeconds(30));
				return;
			}
		}
		this.waiters.execute(() -> {
			if (awaitReady(replica)) {
				synchronized (this) {
					if (!this.stopping && slot.ready(replica)) {
						route(replica);
						this.console.event(replica + " is ready after " + Durations.seconds(replica.process().uptime()));
					}
				}
			}
		});
	}

	/**
	 * Starts a process for a slot, watched for its exit but not yet the slot's own.
	 * @param name the slot's name
	 * @return the process, or {@code null} when it could not be started
	 */
	@Nullable ReplicaProcess startProcess(String name) {
		ReplicaProcess replica;
		try {
			replica = ReplicaProcess.start(name, this.replicaLaunch, this.options, this.redis, this.run, this.clock);
		}
		catch (IOException ex) {
			this.console.event("!!! " + name + " could not be started: " + ex.getMessage());
			return null;
		}
		synchronized (this) {
			this.running.add(replica);
		}
		this.reaper.track(replica.process());
		this.console.follow(name, this.run.log(name));
		this.console.event(name + " starting: pid " + replica.process().pid() + ", port " + replica.port());
		// Asynchronously: an exit is handled once whoever started the process has released the lock.
		replica.process().onExit().thenRunAsync(() -> exited(replica));
		return replica;
	}

	/**
	 * Waits until a replica answers its readiness probe. One that does not within the start
	 * timeout is killed, which counts as a crash.
	 * @param replica the replica
	 * @return {@code true} once ready, {@code false} if it exited or was killed
	 */
	public boolean awaitReady(ReplicaProcess replica) {
		Instant deadline = this.clock.instant().plus(this.options.startTimeout());
		while (replica.process().isAlive() && !this.stopping) {
			if (replica.isReady(this.options.healthPath())) {
				return true;
			}
			if (this.clock.instant().isAfter(deadline)) {
				this.console.event(replica + " was not ready within " + Durations.describe(this.options.startTimeout())
						+ " (" + this.options.healthPath() + "); killing it");
				replica.process().kill();
				return false;
			}
			Pause.briefly(READY_POLL);
		}
		return false;
	}

	private void exited(ReplicaProcess replica) {
		this.reaper.forget(replica.process());
		synchronized (this) {
			this.running.remove(replica);
			unroute(replica);
			ReplicaSlot slot = slotOf(replica);
			ProcessSlot.Exit exit = slot.exited(replica);
			String how = replica + " exited with code " + replica.process().exitValue() + " after "
					+ Durations.seconds(replica.process().uptime());
			switch (exit.outcome()) {
				case EXPECTED -> {
				}
				case CRASH_LOOP -> this.console.event("!!! " + how + ". " + crashLoop(slot)
						+ ". Fix the cause (see " + this.run.log(slot.name()) + "), then run ./scaleout reload");
				case RESTART -> {
					this.console.event(how + "; restart " + slot.restarts() + " in " + exit.restartDelay().toMillis()
							+ " ms");
					this.scheduler.schedule(() -> restart(slot, replica), exit.restartDelay().toMillis(),
							TimeUnit.MILLISECONDS);
				}
			}
		}
	}

	static String crashLoop(ProcessSlot<?> slot) {
		return "It has been restarted " + slot.guard().maxRestarts() + " times within "
				+ Durations.describe(slot.guard().window()) + ": CRASH LOOP, no more restarts";
	}

	private void restart(ReplicaSlot slot, ReplicaProcess crashed) {
		if (!this.stopping && slot.restartDue(crashed)) {
			launch(slot);
		}
	}

	/**
	 * Makes a process the slot's own, in place of the previous one, and takes the previous
	 * one out of the backends file. The slot's crash history is forgotten.
	 * @param slot the slot
	 * @param replacement the new process, ready and routed
	 * @return the previous process, to be stopped by the caller, or {@code null}
	 */
	synchronized @Nullable ReplicaProcess promote(ReplicaSlot slot, ReplicaProcess replacement) {
		ReplicaProcess previous = slot.promoted(replacement);
		if (previous != null) {
			unroute(previous);
		}
		return previous;
	}

	synchronized void route(ReplicaProcess replica) {
		if (this.routed.add(replica)) {
			publish();
		}
	}

	synchronized void unroute(ReplicaProcess replica) {
		if (this.routed.remove(replica)) {
			publish();
		}
	}

	private void publish() {
		List<URI> urls = this.routed.stream().map(ReplicaProcess::url).toList();
		this.backends.write(urls);
	}

	private ReplicaSlot slotOf(ReplicaProcess replica) {
		return this.slots.stream().filter((slot) -> slot.name().equals(replica.name())).findFirst().orElseThrow();
	}

	/**
	 * Snapshot of every slot for {@code status}.
	 * @return one row per replica
	 */
	public synchronized List<StatusTable.Row> rows() {
		List<StatusTable.Row> rows = new ArrayList<>();
		for (ReplicaSlot slot : this.slots) {
			ReplicaProcess replica = slot.current();
			boolean alive = replica != null && replica.process().isAlive();
			rows.add(new StatusTable.Row(slot.name(), alive ? replica.process().pid() : -1,
					(replica != null) ? replica.port() : -1, alive ? replica.process().uptime() : null, slot.restarts(),
					alive ? replica.process().residentMemory() : -1, slot.state().name()));
		}
		return rows;
	}

	/**
	 * Where each running replica listens.
	 * @return replica name to {@code 127.0.0.1:port}, in slot order
	 */
	public synchronized Map<String, String> replicaAddresses() {
		Map<String, String> addresses = new LinkedHashMap<>();
		for (ReplicaSlot slot : this.slots) {
			ReplicaProcess replica = slot.current();
			if (replica != null && replica.process().isAlive()) {
				addresses.put(slot.name(), replica.url().getAuthority());
			}
		}
		return addresses;
	}

	/**
	 * Stops every replica gracefully, all at once, and waits for them.
	 */
	public void stop() {
		List<ReplicaProcess> toStop;
		synchronized (this) {
			this.stopping = true;
			toStop = new ArrayList<>(this.running);
			this.slots.forEach(ReplicaSlot::stopped);
		}
		this.scheduler.shutdownNow();
		this.waiters.shutdownNow();
		Duration grace = this.options.drainDelay().plusSeconds(30);
		ExecutorService stoppers = Executors.newCachedThreadPool(DaemonThreads.named("stop"));
		CompletableFuture.allOf(toStop.stream()
			.map((replica) -> CompletableFuture.runAsync(() -> replica.process().stop(grace), stoppers))
			.toArray(CompletableFuture[]::new)).join();
		stoppers.shutdown();
		synchronized (this) {
			this.routed.clear();
			publish();
		}
	}

	boolean isStopping() {
		return this.stopping;
	}

}
