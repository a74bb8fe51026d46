package dev.scaleout.launcher;

import sun.misc.Signal;

/**
 * Makes Ctrl-C (SIGINT) stop the stack even when the launcher was started with SIGINT
 * ignored, as a non-interactive shell does for {@code ./scaleout up &}: the JVM keeps an
 * inherited "ignore" and would never run its shutdown hooks.
 */
final class Interrupts {

	private Interrupts() {
	}

	static void stopOnCtrlC() {
		try {
			Signal.handle(new Signal("INT"), (signal) -> new Thread(() -> System.exit(130), "scaleout-exit").start());
		}
		catch (IllegalArgumentException | UnsupportedOperationException ex) {
			// no SIGINT here: the JVM's default handling stays
		}
	}

}
