package dev.scaleout.launcher;

import java.nio.file.Path;

/**
 * The {@code java} the launcher itself runs on, so that every process uses the same JDK.
 */
final class Java {

	private Java() {
	}

	static String executable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
