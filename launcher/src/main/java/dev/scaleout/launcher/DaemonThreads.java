package dev.scaleout.launcher;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the launcher's own executors: daemons, so that none of them keeps the JVM
 * alive once {@code up} has stopped everything.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * A factory of daemon threads.
	 * @param name the name of every thread it makes
	 * @return the factory
	 */
	public static ThreadFactory named(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
