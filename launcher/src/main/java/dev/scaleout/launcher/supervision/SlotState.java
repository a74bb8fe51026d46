package dev.scaleout.launcher.supervision;

/**
 * Where a supervised process is in its life, as {@code ./scaleout status} shows it. Only
 * {@link ProcessSlot} moves a slot from one state to another.
 */
public enum SlotState {

	/** Started, not ready yet. */
	STARTING,

	/** Ready: a replica is in the backends file, the gateway answers, Redis answers PING. */
	READY,

	/** Exited unexpectedly; waiting for its backoff delay before a restart. */
	BACKOFF,

	/** Exited too often within the restart window, or could not be started; no longer restarted. */
	CRASH_LOOP,

	/** Stopped with the stack. */
	STOPPED

}
