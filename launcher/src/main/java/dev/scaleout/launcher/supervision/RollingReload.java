package dev.scaleout.launcher.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import dev.scaleout.launcher.DaemonThreads;
import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.cds.ClassDataSharing;
import dev.scaleout.launcher.console.Console;
import dev.scaleout.launcher.gateway.GatewayView;

/**
 * Replaces replicas one at a time without failing a request: start the new process on a
 * new port, wait for its readiness, add it to the backends file, wait until the gateway
 * routes to it, take the old one out of the file, wait until the gateway has dropped it,
 * then SIGTERM it (it drains and finishes its in-flight requests) and wait for its exit.
 * Sessions live in Redis, so none is lost. One reload runs at a time. A reload of a
 * rebuilt jar first prepares its CDS archive, while the old replicas keep serving, and
 * deletes the old archive once no replica runs from it.
 */
public final class RollingReload {

	private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(200);

	private final Supervisor supervisor;

	private final GatewayView gateway;

	private final ClassDataSharing classDataSharing;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("reload"));

	public RollingReload(Supervisor supervisor, GatewayView gateway, ClassDataSharing classDataSharing) {
		this.supervisor = supervisor;
		this.gateway = gateway;
		this.classDataSharing = classDataSharing;
		this.clock = supervisor.clock();
	}

	/**
	 * Reloads every replica, one after the other, and waits until done.
	 * @return one line per replica saying what happened
	 * @throws Exception when the reload was interrupted
	 */
	public String reloadAll() throws Exception {
		Future<String> result = this.worker.submit(() -> {
			this.supervisor.replicaLaunch(this.classDataSharing.prepare());
			StringBuilder report = new StringBuilder();
			for (ReplicaSlot slot : this.supervisor.slots()) {
				report.append(replace(slot)).append('\n');
			}
			this.classDataSharing.retainOnly(this.supervisor.launchesInUse());
			return report.toString();
		});
		return result.get();
	}

	/**
	 * Queues the replacement of one replica, as when it passed {@code --max-memory}.
	 * @param slot the replica
	 */
	void replaceLater(ReplicaSlot slot) {
		synchronized (this.supervisor) {
			if (slot.replacing()) {
				return;
			}
			slot.replacing(true);
		}
		this.worker.execute(() -> replace(slot));
	}

	private String replace(ReplicaSlot slot) {
		Console console = this.supervisor.console();
		synchronized (this.supervisor) {
			slot.replacing(true);
		}
		try {
			if (this.supervisor.isStopping()) {
				return slot.name() + ": not reloaded, the stack is stopping";
			}
			console.event("reload: " + slot.name() + " — starting its replacement");
			ReplicaProcess fresh = this.supervisor.startProcess(slot.name());
			if (fresh == null) {
				return slot.name() + ": FAILED, its replacement could not be started; the old one keeps serving";
			}
			if (!this.supervisor.awaitReady(fresh)) {
				fresh.process().stop(Duration.ofSeconds(10));
				console.event("!!! reload: " + fresh + " never became ready; the old one keeps serving");
				return slot.name() + ": FAILED, the new process did not become ready (see "
						+ fresh.name() + ".log); the old one keeps serving";
			}
			console.event("reload: " + fresh + " is ready; adding it to the gateway");
			this.supervisor.route(fresh);
			String freshUrl = fresh.url().toString();
			if (!await(() -> this.gateway.routesTo(freshUrl))) {
				console.event("reload: the gateway did not report " + fresh + " UP within " + GATEWAY_TIMEOUT
						+ "; going on, it is in the backends file");
			}
			ReplicaProcess old = this.supervisor.promote(slot, fresh);
			if (old != null) {
				console.event("reload: the gateway routes to " + fresh + "; taking " + old + " out");
			}
			if (old != null && old.process().isAlive()) {
				String oldUrl = old.url().toString();
				if (!await(() -> !this.gateway.knows(oldUrl))) {
					console.event("reload: the gateway still lists " + old + "; stopping it anyway");
				}
				console.event("reload: stopping " + old);
				old.process().stop(this.supervisor.options().drainDelay().plusSeconds(30));
			}
			console.event("reload: " + slot.name() + " now is " + fresh);
			return slot.name() + ": reloaded, now pid " + fresh.process().pid() + " on port " + fresh.port();
		}
		finally {
			synchronized (this.supervisor) {
				slot.replacing(false);
			}
		}
	}

	private boolean await(BooleanSupplier condition) {
		Instant deadline = this.clock.instant().plus(GATEWAY_TIMEOUT);
		while (!this.supervisor.isStopping()) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (this.clock.instant().isAfter(deadline)) {
				return false;
			}
			Pause.briefly(POLL);
		}
		return false;
	}

	public void stop() {
		this.worker.shutdownNow();
	}

}
