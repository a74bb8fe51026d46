package dev.scaleout.launcher.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.scaleout.launcher.DataSizes;
import dev.scaleout.launcher.Durations;
import dev.scaleout.launcher.LaunchOptions;
import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.Console;

/**
 * Class-data sharing for the replicas ({@code --cds auto}): before the first replica
 * starts, and again before a reload rolls, finds the CDS archive of the app jar or makes
 * it with one training run, so that a replica starts in about half the time. Whatever
 * stands in the way — a jar that is no Spring Boot jar, a training run that fails or
 * hangs — costs one console line, and the replicas start from the jar as is, exactly as
 * with {@code --cds off}.
 */
public final class ClassDataSharing {

	private static final List<String> CDS_OPTIONS = List.of("-Xshare:", "-XX:SharedArchiveFile=",
			"-XX:ArchiveClassesAtExit=");

	private final LaunchOptions options;

	private final CdsArchives archives;

	private final CdsArchives.Training training;

	private final Path log;

	private final Console console;

	private final Clock clock;

	private volatile boolean stopped;

	public ClassDataSharing(LaunchOptions options, RunDirectory run, CdsArchives.Training training, Console console,
			Clock clock) {
		this.options = options;
		this.archives = new CdsArchives(run.cdsArchives());
		this.training = training;
		this.log = run.log(CdsTraining.NAME);
		this.console = console;
		this.clock = clock;
	}

	/**
	 * What replicas of the app jar, as it is now, should run.
	 * @return its extracted copy with the CDS archive, else the jar itself
	 */
	public ReplicaLaunch prepare() {
		Path app = this.options.app();
		if (!this.options.classDataSharing()) {
			return ReplicaLaunch.of(app);
		}
		Optional<String> own = this.options.jvmOptions()
			.stream()
			.filter((option) -> CDS_OPTIONS.stream().anyMatch(option::startsWith))
			.findFirst();
		if (own.isPresent()) {
			this.console.event("no CDS archive: --jvm-opts has " + own.get() + " of its own");
			return ReplicaLaunch.of(app);
		}
		try {
			String key = CdsArchives.key(app, this.options.jvmOptions());
			Optional<CdsArchive> existing = this.archives.find(key, app);
			if (existing.isPresent()) {
				this.console.event("replicas start with the CDS archive in " + existing.get().directory()
						+ ", made earlier for this jar");
				return ReplicaLaunch.of(existing.get());
			}
			this.console.event("preparing a CDS archive of " + app.getFileName()
					+ " for faster replica starts: one training run of the app, output in " + this.log);
			Instant started = this.clock.instant();
			CdsArchive archive = this.archives.create(key, app, this.training);
			this.console.event("CDS archive ready after " + Durations.seconds(Duration.between(started,
					this.clock.instant())) + " (" + DataSizes.describe(Files.size(archive.file())) + " in "
					+ archive.directory() + "); replicas start with it");
			return ReplicaLaunch.of(archive);
		}
		catch (IOException | RuntimeException ex) {
			if (!this.stopped) {
				this.console.event("no CDS archive, replicas start from the jar as is: " + ex.getMessage() + " (see "
						+ this.log + "; --cds off skips this step)");
			}
			return ReplicaLaunch.of(app);
		}
	}

	/**
	 * Deletes the archives that none of these launches uses.
	 * @param inUse what the replicas run, and what they are to run next
	 */
	public void retainOnly(Collection<ReplicaLaunch> inUse) {
		List<String> keys = inUse.stream()
			.map(ReplicaLaunch::archive)
			.filter(Objects::nonNull)
			.map(CdsArchive::key)
			.toList();
		try {
			this.archives.retainOnly(keys);
		}
		catch (IOException ex) {
			this.console.event("could not delete the CDS archives no replica uses in " + this.archives.root() + ": "
					+ ex.getMessage());
		}
	}

	/**
	 * Ends a training run under way at once: the launcher is stopping.
	 */
	public void stop() {
		this.stopped = true;
		this.training.stop();
	}

}
