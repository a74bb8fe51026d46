package dev.scaleout.launcher.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.scaleout.launcher.DaemonThreads;
import dev.scaleout.launcher.DataSizes;

/**
 * {@code --max-memory}: every few seconds, a ready replica whose resident memory passes
 * the limit is replaced gracefully, as one step of a rolling reload. A slow leak then
 * costs a restart without a failed request, instead of an OOM kill. A replica is judged
 * only after it has run for {@link #MIN_UPTIME}, so that a limit below what a fresh
 * replica needs cannot replace replicas in an endless loop.
 */
public final class MemoryWatch {

	static final Duration INTERVAL = Duration.ofSeconds(5);

	static final Duration MIN_UPTIME = Duration.ofSeconds(60);

	private final Supervisor supervisor;

	private final RollingReload reload;

	private final long limit;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("memory-watch"));

	public MemoryWatch(Supervisor supervisor, RollingReload reload, long limit) {
		this.supervisor = supervisor;
		this.reload = reload;
		this.limit = limit;
		this.scheduler.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void check() {
		List<ReplicaSlot> over = new ArrayList<>();
		synchronized (this.supervisor) {
			for (ReplicaSlot slot : this.supervisor.slots()) {
				ReplicaProcess replica = slot.current();
				if (slot.state() == SlotState.READY && !slot.replacing() && replica != null
						&& replica.process().uptime().compareTo(MIN_UPTIME) >= 0) {
					long rss = replica.process().residentMemory();
					if (rss > this.limit) {
						this.supervisor.console()
							.event(replica + " uses " + DataSizes.describe(rss) + ", above --max-memory "
									+ DataSizes.describe(this.limit) + ": replacing it gracefully");
						over.add(slot);
					}
				}
			}
		}
		over.forEach(this.reload::replaceLater);
	}

	public void stop() {
		this.scheduler.shutdownNow();
	}

}
