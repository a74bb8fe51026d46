package dev.scaleout.launcher.supervision;

/**
 * One of the N replicas, under its fixed name ({@code replica-1} …): restarts and reloads
 * replace the process, the slot stays. Besides the {@link ProcessSlot} life, it knows
 * whether a reload is replacing it right now.
 */
final class ReplicaSlot extends ProcessSlot<ReplicaProcess> {

	private boolean replacing;

	ReplicaSlot(String name, RestartBackoff backoff, CrashLoopGuard guard) {
		super(name, ReplicaProcess::process, backoff, guard);
	}

	synchronized boolean replacing() {
		return this.replacing;
	}

	synchronized void replacing(boolean replacing) {
		this.replacing = replacing;
	}

}
