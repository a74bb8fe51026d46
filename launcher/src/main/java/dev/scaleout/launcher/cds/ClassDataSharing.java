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
 * starts, and again before a reload rolls, finds the CDS archive of the app jar — the AOT
 * cache on Java 25 and later, see {@link ArchiveKind} — or makes it with one training
 * run, so that a replica starts in about half the time. Whatever
 * stands in the way — a jar that is no Spring Boot jar, a training run that fails or
 * hangs — costs one console line, and the replicas start from the jar as is, exactly as
 * with {@code --cds off}.
 */
public final class ClassDataSharing {

	private static final List<String> CDS_OPTIONS = List.of("-Xshare:", "-XX:SharedArchiveFile=",
			"-XX:ArchiveClassesAtExit=", "-XX:AOTCache=", "-XX:AOTCacheOutput=", "-XX:AOTMode=",
			"-XX:AOTConfiguration=");

	private final LaunchOptions options;

	private final ArchiveKind kind;

	private final CdsArchives archives;

	private final CdsArchives.Training training;

	private final Path log;

	private final Console console;

	private final Clock clock;

	private volatile boolean stopped;

	/**
	 * Creates the class-data sharing of a run.
	 * @param options the launch options, with the app jar and the replicas' JVM options
	 * @param run the run directory, where archives are kept
	 * @param kind what replicas start with: the kind of the JVM that runs them
	 * @param training what makes an archive of this kind
	 * @param console where to say what is used
	 * @param clock the time source
	 */
	public ClassDataSharing(LaunchOptions options, RunDirectory run, ArchiveKind kind, CdsArchives.Training training,
			Console console, Clock clock) {
		this.options = options;
		this.kind = kind;
		this.archives = new CdsArchives(run.cdsArchives(), kind);
		this.training = training;
		this.log = run.log(CdsTraining.NAME);
		this.console = console;
		this.clock = clock;
	}

	/**
	 * What replicas of the app jar, as it is now, should run.
	 * @return its extracted copy with the CDS archive or AOT cache, else the jar itself
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
			this.console.event("no " + this.kind.displayName() + ": --jvm-opts has " + own.get() + " of its own");
			return ReplicaLaunch.of(app);
		}
		try {
			String key = CdsArchives.key(app, this.options.jvmOptions());
			Optional<CdsArchive> existing = this.archives.find(key, app);
			if (existing.isPresent()) {
				this.console.event("replicas start with the " + this.kind.displayName() + " in "
						+ existing.get().directory()
						+ ", made earlier for this jar");
				return ReplicaLaunch.of(existing.get());
			}
			this.console.event("preparing " + this.kind.withArticle() + " of " + app.getFileName()
					+ " for faster replica starts: one training run of the app, output in " + this.log);
			Instant started = this.clock.instant();
			CdsArchive archive = this.archives.create(key, app, this.training);
			this.console.event(this.kind.displayName() + " ready after " + Durations.seconds(Duration.between(started,
					this.clock.instant())) + " (" + DataSizes.describe(Files.size(archive.file())) + " in "
					+ archive.directory() + "); replicas start with it");
			return ReplicaLaunch.of(archive);
		}
		catch (IOException | RuntimeException ex) {
			if (!this.stopped) {
				this.console.event("no " + this.kind.displayName() + ", replicas start from the jar as is: "
						+ ex.getMessage() + " (see "
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
