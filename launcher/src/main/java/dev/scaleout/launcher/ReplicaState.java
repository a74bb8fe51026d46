package dev.scaleout.launcher;

/**
 * Where a replica is in its life, as {@code ./scaleout status} shows it.
 */
enum ReplicaState {

	/** Started, not ready yet. */
	STARTING,

	/** Ready and in the backends file. */
	READY,

	/** Exited unexpectedly; waiting for its backoff delay before a restart. */
	BACKOFF,

	/** Exited too often within the restart window; no longer restarted. */
	CRASH_LOOP,

	/** Stopped with the stack. */
	STOPPED

}
