package dev.scaleout.redisserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerBinaryTests {

	@TempDir
	Path directory;

	@Test
	void extractsAnExecutableBinaryOnceAndReusesIt() throws IOException {
		RedisServerBinary first = RedisServerBinary.extractEmbedded(this.directory);
		assertThat(first.executable()).isExecutable();
		assertThat(first.executable().getFileName().toString()).startsWith("redis-server-7.0.15-");
		long modified = Files.getLastModifiedTime(first.executable()).toMillis();
		RedisServerBinary second = RedisServerBinary.extractEmbedded(this.directory);
		assertThat(second.executable()).isEqualTo(first.executable());
		assertThat(Files.getLastModifiedTime(second.executable()).toMillis()).isEqualTo(modified);
		assertThat(this.directory).isDirectoryNotContaining("glob:**.tmp");
		assertThat(second).hasToString("embedded redis-server 7.0.15");
	}

	@Test
	void commandListensOnLoopbackInTheForegroundAndPassesSettingsAsOptions() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("save", "");
		settings.put("requirepass", "secret");
		assertThat(RedisServerBinary.installed(Path.of("/usr/bin/redis-server")).command(6400, settings))
			.containsExactly("/usr/bin/redis-server", "--port", "6400", "--bind", "127.0.0.1", "--daemonize", "no",
					"--appendonly", "no", "--save", "", "--requirepass", "secret");
	}

}
