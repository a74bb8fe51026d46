package dev.scaleout.gateway.discovery;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * File discovery: the base URLs listed in a file that a supervisor keeps up to date.
 */
class FileBackendPoolTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(DiscoveryConfiguration.class);

	@Test
	void listsEveryUrlOfTheFileIgnoringCommentsAndBlankLines() throws IOException {
		Path file = write("# written by ./scaleout up\nhttp://127.0.0.1:9001\n\n  http://127.0.0.1:9002  # replica-2\n");
		FileBackendPool pool = new FileBackendPool(settings(file));
		assertThat(pool.backends()).extracting(Backend::getUri)
			.containsExactly(URI.create("http://127.0.0.1:9001"), URI.create("http://127.0.0.1:9002"));
	}

	@Test
	void followsTheFileWhenItIsReplaced() throws IOException {
		Path file = write("http://127.0.0.1:9001\n");
		FileBackendPool pool = new FileBackendPool(settings(file));
		replace(file, "http://127.0.0.1:9001\nhttp://127.0.0.1:9003\n");
		pool.refresh();
		assertThat(pool.backends()).extracting(Backend::getPort).containsExactly(9001, 9003);
		replace(file, "http://127.0.0.1:9003\n");
		pool.refresh();
		assertThat(pool.backends()).extracting(Backend::getPort).containsExactly(9003);
	}

	@Test
	void anEmptyFileMeansNoBackends() throws IOException {
		FileBackendPool pool = new FileBackendPool(settings(write("# nothing ready yet\n")));
		assertThat(pool.backends()).isEmpty();
	}

	@Test
	void keepsTheLastPoolWhenTheFileTurnsInvalidOrDisappears() throws IOException {
		Path file = write("http://127.0.0.1:9001\n");
		FileBackendPool pool = new FileBackendPool(settings(file));
		replace(file, "ftp://127.0.0.1:9001\n");
		pool.refresh();
		assertThat(pool.backends()).extracting(Backend::getPort).containsExactly(9001);
		Files.delete(file);
		pool.refresh();
		assertThat(pool.backends()).extracting(Backend::getPort).containsExactly(9001);
	}

	@Test
	void aMissingFileFailsStartupNamingTheProperty() {
		Path missing = this.directory.resolve("missing.txt");
		this.contextRunner
			.withPropertyValues("scaleout.gateway.discovery=file", "scaleout.gateway.file.path=" + missing)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("scaleout.gateway.file.path")
				.hasMessageContaining("missing.txt"));
	}

	@Test
	void fileDiscoveryWithoutAPathFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("scaleout.gateway.discovery=file")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("scaleout.gateway.file.path"));
	}

	@Test
	void anInvalidUrlAtStartupFailsNamingTheProperty() throws IOException {
		Path file = write("127.0.0.1:9001\n");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new FileBackendPool(settings(file)))
			.withMessageContaining("scaleout.gateway.file.path");
	}

	@Test
	void rereadsTheFileEveryRefreshIntervalOnceStarted() throws IOException {
		Path file = write("http://127.0.0.1:9001\n");
		this.contextRunner
			.withPropertyValues("scaleout.gateway.discovery=file", "scaleout.gateway.file.path=" + file,
					"scaleout.gateway.file.refresh-interval=50ms")
			.run((context) -> {
				replace(file, "http://127.0.0.1:9002\n");
				await().atMost(Duration.ofSeconds(2))
					.untilAsserted(() -> assertThat(context.getBean(BackendPool.class).backends())
						.extracting(Backend::getPort)
						.containsExactly(9002));
			});
	}

	@Test
	void gatewayForwardsToReplicasAddedToTheFile() throws IOException {
		Path file = write("");
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start("scaleout.gateway.discovery=file",
						"scaleout.gateway.file.path=" + file, "scaleout.gateway.file.refresh-interval=100ms",
						"scaleout.gateway.health.interval=200ms")) {
			replace(file, backends.get(0).url() + "\n");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(gateway.get("/").headers().firstValue("X-Instance-Id"))
					.hasValue("replica-1"));
		}
	}

	private Path write(String content) throws IOException {
		return Files.writeString(this.directory.resolve("backends.txt"), content);
	}

	private void replace(Path file, String content) throws IOException {
		Path temporary = Files.writeString(this.directory.resolve("backends.txt.tmp"), content);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static DiscoveryProperties.File settings(Path file) {
		return new DiscoveryProperties.File(file, Duration.ofSeconds(1));
	}

}
