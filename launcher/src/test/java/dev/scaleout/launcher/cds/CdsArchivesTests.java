package dev.scaleout.launcher.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Where CDS archives are kept: their key, reuse, atomic publication and cleanup. The
 * training is a stand-in that writes files as the real one would.
 */
class CdsArchivesTests {

	private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

	@TempDir
	Path directory;

	private Path jar;

	private CdsArchives archives;

	@BeforeEach
	void writeAJar() throws IOException {
		this.jar = Files.writeString(this.directory.resolve("app.jar"), "the app, version 1");
		this.archives = new CdsArchives(this.directory.resolve("cds"), ArchiveKind.CDS);
	}

	@Test
	void keyFollowsTheJarsContentNotItsTimestamp() throws IOException {
		String key = CdsArchives.key(this.jar, OPTIONS);
		Files.setLastModifiedTime(this.jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		assertThat(CdsArchives.key(this.jar, OPTIONS)).as("same content, older timestamp").isEqualTo(key);
		Files.writeString(this.jar, "the app, version 2");
		assertThat(CdsArchives.key(this.jar, OPTIONS)).as("rebuilt").isNotEqualTo(key).hasSize(16);
	}

	@Test
	void keyFollowsTheJvmAndItsOptions() throws IOException {
		String key = CdsArchives.key(this.jar, OPTIONS, "/opt/jdk-17 17.0.15+6");
		assertThat(CdsArchives.key(this.jar, OPTIONS, "/opt/jdk-17 17.0.16+8")).isNotEqualTo(key);
		assertThat(CdsArchives.key(this.jar, List.of("-Xmx512m"), "/opt/jdk-17 17.0.15+6")).isNotEqualTo(key);
		assertThat(CdsArchives.key(this.jar, OPTIONS, "/opt/jdk-17 17.0.15+6")).isEqualTo(key);
	}

	@Test
	void findsAnArchiveOnceCreated() throws IOException {
		assertThat(this.archives.find("k1", this.jar)).isEmpty();
		CdsArchive created = this.archives.create("k1", this.jar, CdsArchivesTests::train);
		assertThat(created.jar()).hasContent("the app, version 1");
		assertThat(created.file()).hasFileName("app.jsa").hasContent("archive");
		assertThat(this.archives.find("k1", this.jar)).contains(created);
	}

	@Test
	void keepsAnAotCacheTheSameWayUnderItsOwnFileName() throws IOException {
		CdsArchives caches = new CdsArchives(this.directory.resolve("aot"), ArchiveKind.AOT_CACHE);
		CdsArchive created = caches.create("k1", this.jar, CdsArchivesTests::train);
		assertThat(created.kind()).isEqualTo(ArchiveKind.AOT_CACHE);
		assertThat(created.file()).hasFileName("app.aot").hasContent("archive");
		assertThat(caches.find("k1", this.jar)).contains(created);
		assertThat(new CdsArchives(this.directory.resolve("aot"), ArchiveKind.CDS).find("k1", this.jar))
			.as("a CDS archive of the same key").isEmpty();
	}

	@Test
	void publishesTheArchiveOnlyWhenTheTrainingRunHasSucceeded() throws IOException {
		this.archives.create("k1", this.jar, (jar, directory, archive) -> {
			train(jar, directory, archive);
			assertThat(this.archives.find("k1", this.jar)).as("while training").isEmpty();
		});
		assertThat(this.archives.find("k1", this.jar)).isPresent();
	}

	@Test
	void aFailedTrainingRunLeavesNothingBehind() {
		assertThatIOException().isThrownBy(() -> this.archives.create("k1", this.jar, (jar, directory, archive) -> {
			train(jar, directory, archive);
			throw new IOException("the training run exited with code 1");
		})).withMessage("the training run exited with code 1");
		assertThat(this.archives.find("k1", this.jar)).isEmpty();
		assertThat(this.archives.root().resolve("k1")).doesNotExist();
	}

	@Test
	void aTrainingRunThatWritesNoArchiveFails() {
		assertThatIOException()
			.isThrownBy(() -> this.archives.create("k1", this.jar,
					(jar, directory, archive) -> Files.copy(jar, directory.resolve(jar.getFileName()))))
			.withMessage("the training run wrote no archive");
		assertThat(this.archives.root().resolve("k1")).doesNotExist();
	}

	@Test
	void whatAnInterruptedAttemptLeftIsNeitherUsedNorKept() throws IOException {
		Path leftOver = Files.createDirectories(this.archives.root().resolve("k1"));
		Files.writeString(leftOver.resolve("app.jar"), "the app, version 1");
		Files.writeString(leftOver.resolve("app.jsa.unfinished"), "half an arch");
		assertThat(this.archives.find("k1", this.jar)).isEmpty();
		this.archives.create("k1", this.jar, (jar, directory, archive) -> {
			assertThat(directory).isEmptyDirectory();
			train(jar, directory, archive);
		});
		assertThat(this.archives.find("k1", this.jar).orElseThrow().file()).hasContent("archive");
	}

	@Test
	void retainsOnlyTheArchivesInUse() throws IOException {
		this.archives.create("k1", this.jar, CdsArchivesTests::train);
		this.archives.create("k2", this.jar, CdsArchivesTests::train);
		Files.createDirectories(this.archives.root().resolve("k3"));
		this.archives.retainOnly(Set.of("k2"));
		try (Stream<Path> entries = Files.list(this.archives.root())) {
			assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactly("k2");
		}
		assertThat(this.archives.find("k2", this.jar)).isPresent();
	}

	private static void train(Path jar, Path directory, Path archive) throws IOException {
		Files.copy(jar, directory.resolve(jar.getFileName()));
		Files.createDirectories(directory.resolve("lib"));
		Files.writeString(archive, "archive");
	}

}
