package dev.scaleout.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.launcher.LaunchOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line of {@code ./scaleout}: the flags of {@code up} and their defaults, the
 * commands and their operands.
 */
class CommandLineTests {

	private static final Path HOME = Path.of("/srv/scaleout");

	@Test
	void defaultsToTheSampleAppOnPort8080WithAtLeastTwoReplicas() {
		LaunchOptions options = up();
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
		LaunchOptions options = up("--replicas", "3", "--port=9090", "--redis",
				"redis://:secret@10.0.0.5:6380", "--jvm-opts", "-Xmx128m  -XX:+UseSerialGC", "--max-memory", "512m",
				"--restart-window", "1m");
		assertThat(options.replicas()).isEqualTo(3);
		assertThat(options.port()).isEqualTo(9090);
		assertThat(options.redis()).isEqualTo(URI.create("redis://:secret@10.0.0.5:6380"));
		assertThat(options.jvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
		assertThat(options.maxMemory()).isEqualTo(512L * 1024 * 1024);
		assertThat(options.restartWindow()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void cdsIsAutoOrOff() {
		assertThat(up("--cds", "off").classDataSharing()).isFalse();
		assertThat(up("--cds=auto").classDataSharing()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> up("--cds", "on"))
			.withMessage("Invalid value 'on' for --cds: use auto or off");
	}

	@Test
	void rejectsAnUnknownFlagNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> up("--replica", "3"))
			.withMessageContaining("--replica");
	}

	@Test
	void rejectsAnInvalidValueNamingTheFlagAndTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> up("--port", "70000"))
			.withMessageContaining("--port")
			.withMessageContaining("70000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> up("--redis", "localhost:6379"))
			.withMessageContaining("redis://host:port");
	}

	@Test
	void rejectsAFlagWithoutItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> up("--replicas"))
			.withMessageContaining("needs a value");
	}

	@Test
	void refusesAFlagOfAnotherCommandNamingTheCommand() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(HOME, List.of("status", "--replicas", "3")))
			.withMessage("Option --replicas is not one of ./scaleout status; see ./scaleout help");
		assertThat(CommandLine.parse(HOME, List.of("status", "--run-dir", "/tmp/run")).options().runDirectory())
			.isEqualTo(Path.of("/tmp/run"));
	}

	@Test
	void readsTheReplicaOfDrainAndSwitchesOfTheOtherCommands() {
		CommandLine drain = CommandLine.parse(HOME, List.of("drain", "replica-2"));
		assertThat(drain.command()).isEqualTo(Command.DRAIN);
		assertThat(drain.operand()).isEqualTo("replica-2");
		assertThat(CommandLine.parse(HOME, List.of("status", "--watch")).watch()).isTrue();
		CommandLine logs = CommandLine.parse(HOME, List.of("logs", "gateway", "-f"));
		assertThat(logs.follow()).isTrue();
		assertThat(logs.operand()).isEqualTo("gateway");
		assertThat(CommandLine.parse(HOME, List.of("logs")).operand()).isNull();
	}

	@Test
	void saysWhatAReplicaCommandNeedsAndRefusesExtraOperands() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(HOME, List.of("maint")))
			.withMessage("./scaleout maint needs REPLICA, e.g. ./scaleout maint replica-1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(HOME, List.of("drain", "replica-1", "replica-2")))
			.withMessage("./scaleout drain takes REPLICA, not 'replica-1 replica-2'; see ./scaleout help");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(HOME, List.of("stop", "now")))
			.withMessage("./scaleout stop takes no operand, not 'now'; see ./scaleout help");
	}

	@Test
	void theHelpTextListsEveryCommandAndEveryFlagOfTheTableWithItsDefault() {
		String help = Usage.text();
		for (Command command : Command.values()) {
			assertThat(help).contains("  " + command.word());
		}
		for (Flag flag : Flag.ALL) {
			assertThat(help).contains("  " + flag.synopsis());
		}
		assertThat(help.replaceAll("\\s+", " ")).contains(LaunchOptions.DEFAULT_JVM_OPTIONS, "(default 8080)",
				"(default 10)");
	}

	private static LaunchOptions up(String... flags) {
		List<String> args = new ArrayList<>(List.of("up"));
		args.addAll(List.of(flags));
		return CommandLine.parse(HOME, args).options();
	}

}
