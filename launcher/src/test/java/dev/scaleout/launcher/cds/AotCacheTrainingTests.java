package dev.scaleout.launcher.cds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.Console;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's training and launch on Java 25, whatever JDK runs the tests: the sample
 * app's AOT cache made by the real training run, then a replica's JVM that must start
 * from it ({@code -XX:AOTMode=on} makes the JVM fail instead of ignoring a cache it cannot
 * use). Every machine of this project has a Temurin 25 JDK next to the default 17; the test
 * fails, naming it, when it is missing.
 */
class AotCacheTrainingTests {

	static final Path JDK_25 = Path.of(System.getProperty("scaleout.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

	private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

	@TempDir
	Path directory;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private RunDirectory run;

	private Console console;

	@BeforeEach
	void createTheRunDirectory() throws IOException {
		this.run = new RunDirectory(this.directory.resolve("run"));
		this.run.create();
		this.console = new Console(new PrintStream(this.printed, true, StandardCharsets.UTF_8),
				this.run.log("launcher"));
	}

	@AfterEach
	void closeTheConsole() {
		this.console.close();
	}

	@Test
	void trainsTheSampleAppsAotCacheOnJava25AndAReplicaStartsFromIt() throws Exception {
		Path java = JDK_25.resolve("bin/java");
		assertThat(java).as("a JDK 25 at %s (install Temurin 25 there, or point -Dscaleout.test.jdk25 at one)", JDK_25)
			.isExecutable();
		Path app = REPOSITORY.resolve(LaunchOptions.SAMPLE_APP_JAR);
		assertThat(app).as("%s, built by Maven before the launcher module", app).isRegularFile();
		LaunchOptions options = LaunchOptions.defaults(REPOSITORY)
			.withApp(app)
			.withRunDirectory(this.run.root())
			.withJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC"));
		CdsTraining training = new CdsTraining(java.toString(), ArchiveKind.AOT_CACHE, options.jvmOptions(),
				List.of("--server.port=0"), this.run, new OrphanReaper(this.run.childrenFile()), Clock.systemUTC(),
				Duration.ofMinutes(4));

		ReplicaLaunch launch = new ClassDataSharing(options, this.run, ArchiveKind.AOT_CACHE, training, this.console,
				Clock.systemUTC())
			.prepare();

		assertThat(this.printed.toString(StandardCharsets.UTF_8)).as("the console")
			.contains("preparing an AOT cache of", "AOT cache ready after");
		assertThat(launch.archive()).isNotNull();
		assertThat(this.run.log(CdsTraining.NAME)).content().contains("-XX:AOTCacheOutput=");
		List<String> replica = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:AOTMode=on", "-Dspring.context.exit=onRefresh"));
		replica.addAll(launch.jvmArguments());
		replica.add("--server.port=0");
		assertThat(launch.jvmArguments()).first().isEqualTo("-XX:AOTCache=" + launch.archive().file());
		Path log = this.directory.resolve("replica.log");
		Process process = new ProcessBuilder(replica).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the replica exited after its refresh").isTrue();
			assertThat(process.exitValue()).as("its exit code; its output:%n%s", Files.readString(log)).isZero();
		}
		finally {
			process.destroyForcibly();
		}
	}

}
