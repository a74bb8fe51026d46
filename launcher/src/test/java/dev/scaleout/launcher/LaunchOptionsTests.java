package dev.scaleout.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The flags of {@code ./scaleout up} and their defaults.
 */
class LaunchOptionsTests {

	private static final Path HOME = Path.of("/srv/scaleout");

	@Test
	void defaultsToTheSampleAppOnPort8080WithAtLeastTwoReplicas() {
		LaunchOptions options = LaunchOptions.parse(HOME, List.of());
		assertThat(options.replicas()).isGreaterThanOrEqualTo(2);
		assertThat(options.port()).isEqualTo(8080);
		assertThat(options.app()).isEqualTo(HOME.resolve(LaunchOptions.SAMPLE_APP_JAR));
		assertThat(options.gateway()).isEqualTo(HOME.resolve(LaunchOptions.GATEWAY_JAR));
		assertThat(options.redis()).isNull();
		assertThat(options.maxRestarts()).isEqualTo(10);
		assertThat(options.maxMemory()).isZero();
		assertThat(options.jvmOptions()).contains("-Xmx256m", "-XX:+UseSerialGC");
		assertThat(options.classDataSharing()).isTrue();
		assertThat(options.runDirectory()).isEqualTo(HOME.resolve(".scaleout"));
	}

	@Test
	void readsFlagsWithASpaceOrAnEqualsSign() {
		LaunchOptions options = LaunchOptions.parse(HOME, List.of("--replicas", "3", "--port=9090", "--redis",
				"redis://:secret@10.0.0.5:6380", "--jvm-opts", "-Xmx128m  -XX:+UseSerialGC", "--max-memory", "512m",
				"--restart-window", "1m"));
		assertThat(options.replicas()).isEqualTo(3);
		assertThat(options.port()).isEqualTo(9090);
		assertThat(options.redis()).isEqualTo(URI.create("redis://:secret@10.0.0.5:6380"));
		assertThat(options.jvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
		assertThat(options.maxMemory()).isEqualTo(512L * 1024 * 1024);
		assertThat(options.restartWindow()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void cdsIsAutoOrOff() {
		assertThat(LaunchOptions.parse(HOME, List.of("--cds", "off")).classDataSharing()).isFalse();
		assertThat(LaunchOptions.parse(HOME, List.of("--cds=auto")).classDataSharing()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(HOME, List.of("--cds", "on")))
			.withMessage("Invalid value 'on' for --cds: use auto or off");
	}

	@Test
	void rejectsAnUnknownFlagNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(HOME, List.of("--replica", "3")))
			.withMessageContaining("--replica");
	}

	@Test
	void rejectsAnInvalidValueNamingTheFlagAndTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(HOME, List.of("--port", "70000")))
			.withMessageContaining("--port")
			.withMessageContaining("70000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(HOME, List.of("--redis", "localhost:6379")))
			.withMessageContaining("redis://host:port");
	}

	@Test
	void rejectsAFlagWithoutItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(HOME, List.of("--replicas")))
			.withMessageContaining("needs a value");
	}

}
