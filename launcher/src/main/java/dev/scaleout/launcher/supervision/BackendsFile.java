package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The file the gateway watches ({@code scaleout.gateway.discovery=file}): one base URL per
 * ready replica. It is always replaced whole — written to a temporary file beside it, then
 * moved over it — so the gateway never reads half a list.
 */
final class BackendsFile {

	private final Path path;

	private @Nullable List<URI> written;

	/**
	 * Creates the writer of a file.
	 * @param path the file the gateway reads
	 */
	BackendsFile(Path path) {
		this.path = path;
	}

	Path path() {
		return this.path;
	}

	/**
	 * Replaces the file with these backends, unless it already lists exactly them.
	 * @param backends the base URLs of the replicas that should take traffic
	 * @return whether the file was written
	 */
	synchronized boolean write(Collection<URI> backends) {
		List<URI> sorted = backends.stream().sorted().toList();
		if (sorted.equals(this.written)) {
			return false;
		}
		StringBuilder content = new StringBuilder("# Written by ./scaleout up: the replicas ready for traffic.\n");
		sorted.forEach((uri) -> content.append(uri).append('\n'));
		try {
			Path temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
			Files.writeString(temporary, content);
			try {
				Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the backends file " + this.path, ex);
		}
		this.written = sorted;
		return true;
	}

}
