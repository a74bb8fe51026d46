package dev.scaleout.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Renders a kustomization with {@code kubectl kustomize}, offline, as {@code kubectl apply -k} would before
 * sending it to a cluster. Without kubectl the checks cannot run, and they fail rather than vanish.
 */
final class Kustomize {

	private static final long TIMEOUT_SECONDS = 60;

	private Kustomize() {
	}

	static Manifests render(Path kustomization) {
		Path errors = createTempFile();
		Process process = start(kustomization, errors);
		try (InputStream out = process.getInputStream()) {
			String rendered = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return fail("kubectl kustomize %s did not finish within %d s", kustomization, TIMEOUT_SECONDS);
			}
			if (process.exitValue() != 0) {
				return fail("kubectl kustomize %s failed (exit %d):%n%s", kustomization, process.exitValue(),
						Files.readString(errors));
			}
			return Manifests.parse(rendered);
		}
		catch (IOException ex) {
			return fail("Could not read the output of kubectl kustomize %s: %s", kustomization, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("Interrupted while kubectl kustomize %s ran", kustomization);
		}
		finally {
			deleteQuietly(errors);
		}
	}

	private static Process start(Path kustomization, Path errors) {
		try {
			return new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
				.redirectError(errors.toFile())
				.start();
		}
		catch (IOException ex) {
			return fail("kubectl is not on the PATH (%s). The k8s/ checks render the kustomize base with "
					+ "`kubectl kustomize` and need no cluster: install kubectl "
					+ "(https://kubernetes.io/docs/tasks/tools/) and run the build again.", ex.getMessage());
		}
	}

	private static Path createTempFile() {
		try {
			return Files.createTempFile("kustomize", ".err");
		}
		catch (IOException ex) {
			return fail("Could not create a temporary file for kubectl's errors: %s", ex.getMessage());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A leftover empty file in the temp directory is harmless.
		}
	}

}
