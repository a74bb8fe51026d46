package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.launcher.DaemonThreads;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.Console;
import dev.scaleout.launcher.console.StatusTable;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one process of the stack that is not a replica running — the gateway, or the
 * Redis the launcher started — with the replicas' rules: after an unexpected exit it is
 * started again on the same port after the {@link RestartBackoff} delay, unless the
 * {@link CrashLoopGuard} ({@code --max-restarts} within {@code --restart-window}) says it
 * crashes too often; then it stays down and the console says so.
 *
 * @param <P> the process as the stack knows it
 */
public final class ServiceSupervisor<P> {

	private static final Duration READY_POLL = Duration.ofMillis(200);

	private final ProcessSlot<P> slot;

	private final int port;

	private final Starter<P> starter;

	private final Function<P, ChildProcess> processOf;

	private final Predicate<P> isReady;

	private final Console console;

	private final OrphanReaper reaper;

	private final RunDirectory run;

	private final ScheduledExecutorService scheduler;

	private final ExecutorService waiter;

	private volatile boolean stopping;

	/**
	 * Creates the supervisor of one process.
	 * @param name its name, {@code gateway} or {@code redis}
	 * @param port the port it listens on, the same after every restart
	 * @param starter starts it again after a crash
	 * @param processOf its process
	 * @param isReady whether it is ready, polled after every start
	 * @param options the restart limits
	 * @param clock the time source
	 * @param console where to say what happens
	 * @param reaper what kills it should the launcher be killed
	 * @param run the run directory, for its log
	 */
	public ServiceSupervisor(String name, int port, Starter<P> starter, Function<P, ChildProcess> processOf,
			Predicate<P> isReady, LaunchOptions options, Clock clock, Console console, OrphanReaper reaper,
			RunDirectory run) {
		this.slot = new ProcessSlot<>(name, processOf, new RestartBackoff(),
				new CrashLoopGuard(options.maxRestarts(), options.restartWindow(), clock));
		this.port = port;
		this.starter = starter;
		this.processOf = processOf;
		this.isReady = isReady;
		this.console = console;
		this.reaper = reaper;
		this.run = run;
		this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name + "-restart"));
		this.waiter = Executors.newSingleThreadExecutor(DaemonThreads.named(name + "-readiness"));
	}

	/**
	 * Takes charge of the process the stack started first.
	 * @param first the running process
	 */
	public void supervise(P first) {
		adopt(first);
	}

	/**
	 * The process that serves now.
	 * @return the last one started
	 */
	public @Nullable P current() {
		return this.slot.current();
	}

	public SlotState state() {
		return this.slot.state();
	}

	private void adopt(P process) {
		ChildProcess child = this.processOf.apply(process);
		if (!this.slot.started(process)) {
			child.stop(Duration.ofSeconds(30));
			return;
		}
		this.reaper.track(child);
		this.console.follow(this.slot.name(), this.run.log(this.slot.name()));
		child.onExit().thenRunAsync(() -> exited(process));
		this.waiter.execute(() -> awaitReady(process));
	}

	private void awaitReady(P process) {
		ChildProcess child = this.processOf.apply(process);
		while (child.isAlive() && !this.stopping) {
			if (this.isReady.test(process)) {
				if (this.slot.ready(process) && this.slot.restarts() > 0) {
					this.console.event(child + " is back after " + Durations.seconds(child.uptime()));
				}
				return;
			}
			Pause.briefly(READY_POLL);
		}
	}

	private void exited(P process) {
		ChildProcess child = this.processOf.apply(process);
		this.reaper.forget(child);
		ProcessSlot.Exit exit = this.slot.exited(process);
		String how = child + " exited with code " + child.exitValue() + " after " + Durations.seconds(child.uptime());
		switch (exit.outcome()) {
			case EXPECTED -> {
			}
			case CRASH_LOOP -> this.console.event("!!! " + how + ". " + Supervisor.crashLoop(this.slot)
					+ ". Fix the cause (see " + this.run.log(this.slot.name()) + "), then stop and run ./scaleout up "
					+ "again");
			case RESTART -> {
				this.console.event(how + "; restart " + this.slot.restarts() + " in " + exit.restartDelay().toMillis()
						+ " ms");
				this.scheduler.schedule(() -> restart(process), exit.restartDelay().toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private void restart(P crashed) {
		if (this.stopping || !this.slot.restartDue(crashed)) {
			return;
		}
		try {
			P fresh = this.starter.start();
			ChildProcess child = this.processOf.apply(fresh);
			this.console.event(this.slot.name() + " restarting: pid " + child.pid() + ", port " + this.port);
			adopt(fresh);
		}
		catch (IOException | RuntimeException ex) {
			this.slot.couldNotStart();
			this.console.event("!!! " + this.slot.name() + " could not be restarted: " + ex.getMessage()
					+ ". Stop and run ./scaleout up again");
		}
	}

	/**
	 * Its row of the status table.
	 * @return the row
	 */
	public StatusTable.Row row() {
		P process = this.slot.current();
		ChildProcess child = (process != null) ? this.processOf.apply(process) : null;
		boolean alive = child != null && child.isAlive();
		return new StatusTable.Row(this.slot.name(), alive ? child.pid() : -1, this.port,
				alive ? child.uptime() : null, this.slot.restarts(), alive ? child.residentMemory() : -1,
				this.slot.state().name());
	}

	/**
	 * Stops the process gracefully, for good.
	 * @param grace how long it may take before it is killed
	 */
	public void stop(Duration grace) {
		this.stopping = true;
		this.slot.stopped();
		this.scheduler.shutdownNow();
		this.waiter.shutdownNow();
		P process = this.slot.current();
		if (process != null) {
			ChildProcess child = this.processOf.apply(process);
			child.stop(grace);
			this.reaper.forget(child);
		}
	}

	/**
	 * Starts the process again after a crash.
	 *
	 * @param <P> the process as the stack knows it
	 */
	@FunctionalInterface
	public interface Starter<P> {

		/**
		 * Starts it, on the same port as before.
		 * @return the new process
		 * @throws IOException when it cannot be started
		 */
		P start() throws IOException;

	}

}
