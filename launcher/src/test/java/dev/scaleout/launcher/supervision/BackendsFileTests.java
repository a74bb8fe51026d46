package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file the gateway reads the ready replicas from.
 */
class BackendsFileTests {

	@TempDir
	Path directory;

	@Test
	void listsOneBaseUrlPerLineInAStableOrderUnderAComment() throws IOException {
		BackendsFile file = new BackendsFile(this.directory.resolve("backends.txt"));
		file.write(List.of(URI.create("http://127.0.0.1:9002"), URI.create("http://127.0.0.1:9001")));
		assertThat(Files.readAllLines(file.path())).first().asString().startsWith("#");
		assertThat(Files.readAllLines(file.path())).filteredOn((line) -> !line.startsWith("#"))
			.containsExactly("http://127.0.0.1:9001", "http://127.0.0.1:9002");
	}

	@Test
	void replacesTheFileWholeLeavingNoTemporaryFileBehind() throws IOException {
		BackendsFile file = new BackendsFile(this.directory.resolve("backends.txt"));
		file.write(List.of(URI.create("http://127.0.0.1:9001")));
		Object firstVersion = Files.readAttributes(file.path(), java.nio.file.attribute.BasicFileAttributes.class)
			.fileKey();
		file.write(List.of(URI.create("http://127.0.0.1:9003")));
		assertThat(Files.readAttributes(file.path(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
			.as("a new file moved over the old one, not the old one rewritten")
			.isNotEqualTo(firstVersion);
		assertThat(Files.readString(file.path())).contains("http://127.0.0.1:9003").doesNotContain("9001");
		try (var files = Files.list(this.directory)) {
			assertThat(files.map((path) -> path.getFileName().toString())).containsExactly("backends.txt");
		}
	}

	@Test
	void anEmptyPoolIsAFileWithoutUrls() throws IOException {
		BackendsFile file = new BackendsFile(this.directory.resolve("backends.txt"));
		file.write(List.of());
		assertThat(Files.readAllLines(file.path())).allMatch((line) -> line.startsWith("#"));
	}

	@Test
	void doesNotRewriteTheFileWhenTheSetIsUnchanged() {
		BackendsFile file = new BackendsFile(this.directory.resolve("backends.txt"));
		assertThat(file.write(List.of(URI.create("http://127.0.0.1:9001")))).isTrue();
		assertThat(file.write(List.of(URI.create("http://127.0.0.1:9001")))).isFalse();
	}

}
