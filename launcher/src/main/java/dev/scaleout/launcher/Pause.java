package dev.scaleout.launcher;

import java.time.Duration;

/**
 * The poll interval of the launcher's waits (for a port to answer, a process to turn
 * ready, the gateway to see a change).
 */
public final class Pause {

	private Pause() {
	}

	public static void briefly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
