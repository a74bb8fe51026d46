package dev.scaleout.launcher;

import java.nio.file.Path;

/**
 * The {@code java} the launcher itself runs on, so that every process uses the same JDK.
 */
public final class Java {

	private Java() {
	}

	public static String executable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The Java release the launcher, and so every process, runs on.
	 * @return its feature release, such as 17 or 25
	 */
	public static int feature() {
		return Runtime.version().feature();
	}

	/**
	 * The JDK's home and exact build: a CDS archive is valid only for the JVM that made it.
	 * @return both, as one string
	 */
	public static String runtime() {
		return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
	}

}
