package dev.scaleout.launcher.control;

import java.util.Map;

/**
 * What the control endpoint may ask of the running {@code up}: all it knows of the stack.
 */
public interface ControlledStack {

	/**
	 * The status table, as {@code ./scaleout status} prints it.
	 * @return the rendered table
	 */
	String status();

	/**
	 * Replaces every replica, one at a time, and waits until done.
	 * @return one line per replica saying what happened
	 * @throws Exception when the reload was interrupted
	 */
	String reload() throws Exception;

	/**
	 * Where each replica listens now.
	 * @return replica name ({@code replica-1}) to {@code host:port}, for those that run
	 */
	Map<String, String> replicaAddresses();

	/**
	 * Stops the stack from a thread of its own, so that the caller gets its answer first.
	 */
	void stopInBackground();

}
