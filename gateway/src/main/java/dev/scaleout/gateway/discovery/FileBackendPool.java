package dev.scaleout.gateway.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The replicas listed in a text file, one base URL per line ({@code #} starts a comment),
 * read again whenever the file changes. A supervisor such as {@code ./scaleout up}
 * replaces the file atomically each time its set of ready replicas changes. The file must
 * be readable at startup; later, a file that cannot be read or parsed keeps the last
 * known pool, because a half-written or misplaced file is not a reason to drop every
 * replica.
 */
final class FileBackendPool extends RefreshingBackendPool {

	static final String PROPERTY = "scaleout.gateway.file.path";

	private static final Log logger = LogFactory.getLog(FileBackendPool.class);

	private final DiscoveryProperties.File file;

	private volatile List<Backend> backends = List.of();

	private volatile Stamp lastRead;

	FileBackendPool(DiscoveryProperties.File file) {
		super(file.refreshInterval());
		this.file = file;
		Path path = file.path();
		if (path == null) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, null,
					"file discovery needs the path of the file that lists the replicas");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, path,
					"the file does not exist or cannot be read; create it with one base URL per line");
		}
		try {
			read();
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, path,
					"the file cannot be read (" + ex.getMessage() + ")");
		}
	}

	@Override
	public List<Backend> backends() {
		return this.backends;
	}

	/**
	 * Reads the file again if it changed since the last read.
	 */
	@Override
	void refresh() {
		Path path = this.file.path();
		try {
			if (!Stamp.of(path).equals(this.lastRead)) {
				read();
			}
		}
		catch (IOException | InvalidConfigurationPropertyValueException ex) {
			logger.warn("Backends file " + path + " could not be read (" + ex.getMessage() + "); keeping "
					+ this.backends.size() + " known backend(s)");
		}
	}

	private void read() throws IOException {
		Path path = this.file.path();
		Stamp stamp = Stamp.of(path);
		List<String> lines = Files.readAllLines(path).stream().map(FileBackendPool::withoutComment).toList();
		List<Backend> read;
		try {
			read = BackendAddresses.parse(lines);
		}
		catch (InvalidConfigurationPropertyValueException ex) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, path, ex.getReason());
		}
		this.lastRead = stamp;
		if (!read.equals(this.backends)) {
			logger.info("Backends file " + path + " now lists " + read.size() + " backend(s): " + read);
			List<Backend> previous = this.backends;
			this.backends = read;
			changed(previous, read);
		}
	}

	/**
	 * What identifies one version of the file: an atomic replacement gives it a new file
	 * key even within the modification time's resolution.
	 */
	private record Stamp(FileTime modified, Object key, long size) {

		static Stamp of(Path path) throws IOException {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new Stamp(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size());
		}

	}

	private static String withoutComment(String line) {
		int hash = line.indexOf('#');
		return (hash >= 0) ? line.substring(0, hash) : line;
	}

	@Override
	public String toString() {
		return "file " + Objects.toString(this.file.path());
	}

}
