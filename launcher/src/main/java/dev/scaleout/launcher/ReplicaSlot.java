package dev.scaleout.launcher;

/**
 * One of the N replicas, under its fixed name ({@code replica-1} …), across the processes
 * that serve it one after the other: restarts and reloads replace the process, the slot
 * stays. Guarded by the {@link Supervisor}'s lock.
 */
final class ReplicaSlot {

	private final String name;

	private final RestartBackoff backoff;

	private final CrashLoopGuard guard;

	private ReplicaProcess current;

	private ReplicaState state = ReplicaState.STARTING;

	private int restarts;

	private boolean replacing;

	ReplicaSlot(String name, RestartBackoff backoff, CrashLoopGuard guard) {
		this.name = name;
		this.backoff = backoff;
		this.guard = guard;
	}

	String name() {
		return this.name;
	}

	RestartBackoff backoff() {
		return this.backoff;
	}

	CrashLoopGuard guard() {
		return this.guard;
	}

	ReplicaProcess current() {
		return this.current;
	}

	void current(ReplicaProcess current) {
		this.current = current;
	}

	ReplicaState state() {
		return this.state;
	}

	void state(ReplicaState state) {
		this.state = state;
	}

	int restarts() {
		return this.restarts;
	}

	void restarted() {
		this.restarts++;
	}

	boolean replacing() {
		return this.replacing;
	}

	void replacing(boolean replacing) {
		this.replacing = replacing;
	}

}
