package dev.scaleout.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The checked-out repository whose deployment files the tests read. Maven runs the tests in the module
 * directory and an IDE may run them elsewhere, so the root is found by walking up to the Maven wrapper.
 */
final class Repository {

	private static final Path ROOT = locateRoot(Path.of(System.getProperty("user.dir")).toAbsolutePath());

	private Repository() {
	}

	static Path root() {
		return ROOT;
	}

	static Path file(String relativePath) {
		Path file = ROOT.resolve(relativePath);
		if (!Files.isRegularFile(file)) {
			fail("%s is missing from the repository root %s", relativePath, ROOT);
		}
		return file;
	}

	static String read(String relativePath) {
		try {
			return Files.readString(file(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path locateRoot(Path start) {
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No Maven wrapper (mvnw and .mvn/) in " + start + " or above: "
				+ "run the tests from inside the Scaleout repository");
	}

}
