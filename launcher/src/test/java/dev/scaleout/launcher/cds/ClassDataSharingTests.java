package dev.scaleout.launcher.cds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dev.scaleout.test.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.Console;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What replicas run under {@code --cds}: the archive found or made for the jar, or the jar
 * as is when no archive can be had. Trainings here are stand-ins that write files as the
 * real one would, except where a real one meets a jar that is no Spring Boot jar.
 */
class ClassDataSharingTests {

	@TempDir
	Path directory;

	private final MutableClock clock = new MutableClock();

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final AtomicInteger trainings = new AtomicInteger();

	private RunDirectory run;

	private Console console;

	private LaunchOptions options;

	@BeforeEach
	void createTheRunDirectoryAndAJar() throws IOException {
		this.run = new RunDirectory(this.directory.resolve("run"));
		this.run.create();
		this.console = new Console(new PrintStream(this.printed, true, StandardCharsets.UTF_8),
				this.run.log("launcher"));
		Path jar = Files.writeString(this.directory.resolve("app.jar"), "the app, version 1");
		this.options = LaunchOptions.defaults(this.directory).withApp(jar).withRunDirectory(this.run.root());
	}

	@AfterEach
	void closeTheConsole() {
		this.console.close();
	}

	@Test
	void makesTheArchiveOnceAndSaysHowLongItTook() {
		ReplicaLaunch launch = classDataSharing(this::train).prepare();
		assertThat(this.trainings).hasValue(1);
		assertThat(launch.archive()).isNotNull();
		assertThat(launch.jar()).isEqualTo(launch.archive().directory().resolve("app.jar"));
		assertThat(launch.jvmArguments()).containsExactly("-XX:SharedArchiveFile=" + launch.archive().file(), "-jar",
				launch.jar().toString());
		assertThat(console()).contains("preparing a CDS archive of app.jar", "CDS archive ready after 9.5 s");
	}

	@Test
	void onJava25MakesAnAotCacheInsteadAndSaysSo() {
		ReplicaLaunch launch = classDataSharing(ArchiveKind.AOT_CACHE, this::train).prepare();
		assertThat(launch.archive()).isNotNull();
		assertThat(launch.archive().file()).hasFileName("app.aot");
		assertThat(launch.jvmArguments()).containsExactly("-XX:AOTCache=" + launch.archive().file(), "-jar",
				launch.jar().toString());
		assertThat(console()).contains("preparing an AOT cache of app.jar", "AOT cache ready after 9.5 s")
			.doesNotContain("CDS");
		classDataSharing(ArchiveKind.AOT_CACHE, this::train).prepare();
		assertThat(this.trainings).hasValue(1);
		assertThat(console()).contains("replicas start with the AOT cache in " + launch.archive().directory());
	}

	@Test
	void reusesTheArchiveOfAnUnchangedJar() {
		ReplicaLaunch first = classDataSharing(this::train).prepare();
		ReplicaLaunch second = classDataSharing(this::train).prepare();
		assertThat(this.trainings).hasValue(1);
		assertThat(second).isEqualTo(first);
		assertThat(console()).contains("replicas start with the CDS archive in " + first.archive().directory()
				+ ", made earlier for this jar");
	}

	@Test
	void makesANewArchiveForARebuiltJarAndDeletesTheOldOneOnceUnused() throws IOException {
		ClassDataSharing classDataSharing = classDataSharing(this::train);
		ReplicaLaunch old = classDataSharing.prepare();
		Files.writeString(this.options.app(), "the app, version 2");
		ReplicaLaunch rebuilt = classDataSharing.prepare();
		assertThat(this.trainings).hasValue(2);
		assertThat(rebuilt.archive().key()).isNotEqualTo(old.archive().key());
		classDataSharing.retainOnly(List.of(old, rebuilt));
		assertThat(old.archive().file()).as("still in use").exists();
		classDataSharing.retainOnly(List.of(rebuilt));
		assertThat(old.archive().directory()).doesNotExist();
		assertThat(rebuilt.archive().file()).exists();
	}

	@Test
	void aFailedTrainingRunLeavesTheJarAsIsAndSaysWhy() {
		ReplicaLaunch launch = classDataSharing((jar, directory, archive) -> {
			throw new IOException("the training run exited with code 1");
		}).prepare();
		assertThat(launch).isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(launch.jvmArguments()).containsExactly("-jar", this.options.app().toString());
		assertThat(console()).contains("no CDS archive, replicas start from the jar as is: "
				+ "the training run exited with code 1 (see " + this.run.log("cds-training"));
	}

	@Test
	void aJarThatIsNoSpringBootJarRunsAsIs() throws IOException {
		this.options = this.options.withApp(plainJar("plain.jar", NotABootApp.class));
		ReplicaLaunch launch = classDataSharing(realTraining(CdsTraining.TIMEOUT)).prepare();
		assertThat(launch).isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(console()).contains("no CDS archive, replicas start from the jar as is: plain.jar is no Spring "
				+ "Boot jar: -Djarmode=tools extract ran its main class and extracted nothing");
		assertThat(this.run.cdsArchives()).isEmptyDirectory();
		assertThat(this.run.log("cds-training")).content().contains("-Djarmode=tools -jar " + this.options.app());
	}

	@Test
	void aTrainingThatTakesTooLongIsKilled() throws IOException {
		this.options = this.options.withApp(plainJar("hanging.jar", HangingApp.class));
		ReplicaLaunch launch = classDataSharing(realTraining(Duration.ofMillis(500))).prepare();
		assertThat(launch).isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(console()).contains("the extraction did not finish within 500ms");
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("left running").isEmpty();
	}

	@Test
	void offMakesNoArchive() {
		this.options = this.options.withClassDataSharing(false);
		assertThat(classDataSharing(this::train).prepare()).isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(this.trainings).hasValue(0);
	}

	@Test
	void jvmOptionsWithCdsOptionsOfTheirOwnMakeNoArchive() {
		this.options = this.options.withJvmOptions(List.of("-Xmx256m", "-Xshare:off"));
		assertThat(classDataSharing(this::train).prepare()).isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(this.trainings).hasValue(0);
		assertThat(console()).contains("no CDS archive: --jvm-opts has -Xshare:off of its own");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-XX:AOTCache=/tmp/mine.aot", "-XX:AOTCacheOutput=/tmp/mine.aot", "-XX:AOTMode=off",
			"-XX:SharedArchiveFile=/tmp/mine.jsa", "-XX:ArchiveClassesAtExit=/tmp/mine.jsa" })
	void jvmOptionsWithAotOrCdsOptionsOfTheirOwnWinOverTheAotCache(String own) {
		this.options = this.options.withJvmOptions(List.of("-Xmx256m", own));
		assertThat(classDataSharing(ArchiveKind.AOT_CACHE, this::train).prepare())
			.isEqualTo(ReplicaLaunch.of(this.options.app()));
		assertThat(this.trainings).hasValue(0);
		assertThat(console()).contains("no AOT cache: --jvm-opts has " + own + " of its own");
	}

	private ClassDataSharing classDataSharing(CdsArchives.Training training) {
		return classDataSharing(ArchiveKind.CDS, training);
	}

	private ClassDataSharing classDataSharing(ArchiveKind kind, CdsArchives.Training training) {
		return new ClassDataSharing(this.options, this.run, kind, training, this.console, this.clock);
	}

	private CdsTraining realTraining(Duration timeout) {
		return new CdsTraining(ArchiveKind.CDS, this.options.jvmOptions(), List.of(), this.run,
				new OrphanReaper(this.run.childrenFile()), this.clock, timeout);
	}

	private void train(Path jar, Path directory, Path archive) throws IOException {
		this.trainings.incrementAndGet();
		this.clock.advance(Duration.ofMillis(9500));
		Files.copy(jar, directory.resolve(jar.getFileName()));
		Files.writeString(archive, "archive");
	}

	/**
	 * A jar that is no Spring Boot jar: {@code java -Djarmode=tools -jar} runs its main
	 * class like any other.
	 */
	private Path plainJar(String name, Class<?> mainClass) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
		Path jar = this.directory.resolve(name);
		String entry = mainClass.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream in = mainClass.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

	private String console() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A main class that does nothing.
	 */
	public static final class NotABootApp {

		private NotABootApp() {
		}

		public static void main(String[] args) {
		}

	}

	/**
	 * A main class that runs for a minute.
	 */
	public static final class HangingApp {

		private HangingApp() {
		}

		public static void main(String[] args) throws InterruptedException {
			Thread.sleep(60_000);
		}

	}

}
