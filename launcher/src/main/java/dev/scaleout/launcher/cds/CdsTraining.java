package dev.scaleout.launcher.cds;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.Java;
import dev.scaleout.launcher.OrphanReaper;
import dev.scaleout.launcher.RunDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Makes a CDS archive or an AOT cache as Spring Boot documents it: extract the jar with
 * {@code -Djarmode=tools}, then run the extracted jar once with
 * {@code -XX:ArchiveClassesAtExit} (or {@code -XX:AOTCacheOutput}, see
 * {@link ArchiveKind}) and {@code -Dspring.context.exit=onRefresh}, which
 * refreshes the application context and exits before anything starts listening. The
 * training run gets the replicas' JVM options and arguments, so that it loads the classes
 * a replica loads. Both steps write to {@code logs/cds-training.log}, are tracked by the
 * {@link OrphanReaper}, and must be done within {@link #TIMEOUT}.
 */
public final class CdsTraining implements CdsArchives.Training {

	public static final String NAME = "cds-training";

	public static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final String java;

	private final ArchiveKind kind;

	private final List<String> jvmOptions;

	private final List<String> applicationArguments;

	private final RunDirectory run;

	private final OrphanReaper reaper;

	private final Clock clock;

	private final Duration timeout;

	private volatile @Nullable ChildProcess running;

	private volatile boolean stopped;

	/**
	 * Creates a training for the app, run by the launcher's own JVM.
	 * @param kind what it makes: the kind of the launcher's JVM
	 * @param jvmOptions the replicas' JVM options
	 * @param applicationArguments the arguments a replica gets
	 * @param run the run directory, for the log
	 * @param reaper what kills the steps should the launcher be killed
	 * @param clock the time source
	 * @param timeout how long both steps may take
	 */
	public CdsTraining(ArchiveKind kind, List<String> jvmOptions, List<String> applicationArguments, RunDirectory run,
			OrphanReaper reaper, Clock clock, Duration timeout) {
		this(Java.executable(), kind, jvmOptions, applicationArguments, run, reaper, clock, timeout);
	}

	CdsTraining(String java, ArchiveKind kind, List<String> jvmOptions, List<String> applicationArguments,
			RunDirectory run, OrphanReaper reaper, Clock clock, Duration timeout) {
		this.java = java;
		this.kind = kind;
		this.jvmOptions = jvmOptions;
		this.applicationArguments = applicationArguments;
		this.run = run;
		this.reaper = reaper;
		this.clock = clock;
		this.timeout = timeout;
	}

	@Override
	public void run(Path jar, Path directory, Path archive) throws IOException {
		Instant deadline = this.clock.instant().plus(this.timeout);
		List<String> extract = List.of(this.java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", directory.toString());
		int extracted = execute("extraction", extract, deadline);
		if (extracted != 0) {
			throw new IOException("-Djarmode=tools extract exited with code " + extracted + "; it needs a jar of "
					+ "Spring Boot 3.3 or later");
		}
		Path extractedJar = directory.resolve(jar.getFileName());
		if (!Files.isRegularFile(extractedJar)) {
			throw new IOException(jar.getFileName() + " is no Spring Boot jar: -Djarmode=tools extract ran its main "
					+ "class and extracted nothing");
		}
		List<String> training = new ArrayList<>();
		training.add(this.java);
		training.addAll(this.jvmOptions);
		training.add(this.kind.trainingOption(archive));
		training.add("-Dspring.context.exit=onRefresh");
		training.add("-jar");
		training.add(extractedJar.toString());
		training.addAll(this.applicationArguments);
		int exitCode = execute("training run", training, deadline);
		if (exitCode != 0) {
			throw new IOException("the training run exited with code " + exitCode);
		}
	}

	private int execute(String step, List<String> command, Instant deadline) throws IOException {
		Path log = this.run.log(NAME);
		Files.createDirectories(log.getParent());
		Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		ChildProcess process = ChildProcess.start(NAME, command, log, this.clock);
		this.running = process;
		this.reaper.track(process);
		try {
			if (this.stopped) {
				process.kill();
			}
			if (!process.awaitExit(Duration.between(this.clock.instant(), deadline))) {
				process.kill();
				process.awaitExit(Duration.ofSeconds(10));
				throw new IOException("the " + step + " did not finish within " + Durations.describe(this.timeout));
			}
			if (this.stopped) {
				throw new IOException("the launcher is stopping");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.kill();
			throw new InterruptedIOException("interrupted during the " + step);
		}
		finally {
			this.running = null;
			this.reaper.forget(process);
		}
	}

	@Override
	public void stop() {
		this.stopped = true;
		ChildProcess process = this.running;
		if (process != null) {
			process.kill();
		}
	}

}
