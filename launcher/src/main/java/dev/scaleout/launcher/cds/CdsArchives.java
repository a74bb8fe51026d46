package dev.scaleout.launcher.cds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.scaleout.launcher.Java;

/**
 * The CDS archives, or AOT caches, under the run directory ({@code .scaleout/cds/}), one
 * directory per {@link #key key}; which of the two follows from the JVM, which is part
 * of the key. An archive is complete once its file has its final name: it is
 * written under a temporary name and renamed when the training run has succeeded. The
 * directory itself cannot be made elsewhere and renamed into place, since the JVM ties
 * the archive to the paths of the class path it was made with; a directory without its
 * archive file is what an interrupted attempt left, and is made again from scratch.
 */
public final class CdsArchives {

	private static final String UNFINISHED_SUFFIX = ".unfinished";

	private final Path root;

	private final ArchiveKind kind;

	CdsArchives(Path root, ArchiveKind kind) {
		this.root = root;
		this.kind = kind;
	}

	public Path root() {
		return this.root;
	}

	/**
	 * What an archive depends on: the jar's content (a SHA-256 of its bytes, so that a
	 * rebuilt jar gets a new archive whatever its timestamp, and an identical rebuild
	 * keeps the old one), its file name (the extracted jar keeps it), the JVM (an archive
	 * is valid only for the JDK build that made it, whose release decides its kind) and the replicas' JVM options (the
	 * training run uses them; some, such as a heap above 32 GB, make an archive unusable).
	 * @param jar the app jar
	 * @param jvmOptions the replicas' JVM options
	 * @return the key, 16 hex digits
	 * @throws IOException when the jar cannot be read
	 */
	static String key(Path jar, List<String> jvmOptions) throws IOException {
		return key(jar, jvmOptions, Java.runtime());
	}

	static String key(Path jar, List<String> jvmOptions, String runtime) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = Files.newInputStream(jar);
				OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
			in.transferTo(out);
		}
		String rest = "\n" + jar.getFileName() + "\n" + runtime + "\n" + String.join(" ", jvmOptions);
		digest.update(rest.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest(), 0, 8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * The complete archive of this key, if there is one.
	 * @param key the key
	 * @param jar the app jar it was made from
	 * @return the archive, empty when none or only an unfinished one exists
	 */
	public Optional<CdsArchive> find(String key, Path jar) {
		CdsArchive archive = archive(key, jar);
		return (Files.isRegularFile(archive.file()) && Files.isRegularFile(archive.jar())) ? Optional.of(archive)
				: Optional.empty();
	}

	/**
	 * Makes the archive of this key, over whatever an earlier attempt left.
	 * @param key the key
	 * @param jar the app jar
	 * @param training what extracts the jar and writes the archive file
	 * @return the complete archive
	 * @throws IOException when the training fails or writes no archive; nothing is left
	 * behind then
	 */
	public CdsArchive create(String key, Path jar, Training training) throws IOException {
		CdsArchive archive = archive(key, jar);
		delete(archive.directory());
		Files.createDirectories(archive.directory());
		Path unfinished = archive.file().resolveSibling(this.kind.fileName() + UNFINISHED_SUFFIX);
		try {
			training.run(jar, archive.directory(), unfinished);
			if (!Files.isRegularFile(unfinished) || Files.size(unfinished) == 0) {
				throw new IOException("the training run wrote no archive");
			}
			Files.move(unfinished, archive.file(), StandardCopyOption.ATOMIC_MOVE);
			return archive;
		}
		catch (IOException | RuntimeException ex) {
			delete(archive.directory());
			throw ex;
		}
	}

	/**
	 * Deletes every archive but these, and whatever else is in the directory.
	 * @param keys the keys of the archives to keep
	 * @throws IOException when something could not be deleted
	 */
	public void retainOnly(Collection<String> keys) throws IOException {
		if (!Files.isDirectory(this.root)) {
			return;
		}
		try (Stream<Path> entries = Files.list(this.root)) {
			for (Path entry : entries.toList()) {
				if (!keys.contains(entry.getFileName().toString())) {
					delete(entry);
				}
			}
		}
	}

	private CdsArchive archive(String key, Path jar) {
		Path directory = this.root.resolve(key);
		return new CdsArchive(key, this.kind, directory, directory.resolve(jar.getFileName()),
				directory.resolve(this.kind.fileName()));
	}

	private static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(path)) {
			for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	/**
	 * Extracts the jar and writes the archive of its classes: what makes an archive, kept
	 * apart from where archives are kept.
	 */
	@FunctionalInterface
	public interface Training {

		/**
		 * Makes an archive.
		 * @param jar the app jar
		 * @param directory the empty directory to extract the jar into
		 * @param archive where to write the archive file
		 * @throws IOException naming the cause when no archive could be made
		 */
		void run(Path jar, Path directory, Path archive) throws IOException;

		/**
		 * Ends a run under way, and fails every later one at once.
		 */
		default void stop() {
		}

	}

}
