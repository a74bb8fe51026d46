package dev.scaleout.launcher.cds;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a replica's JVM runs: the app jar as is, or the extracted copy a CDS archive or an
 * AOT cache was made from, with that archive.
 *
 * @param jar the jar after {@code -jar}
 * @param archive the CDS archive or AOT cache, or {@code null} for the jar as is
 */
public record ReplicaLaunch(Path jar, @Nullable CdsArchive archive) {

	public static ReplicaLaunch of(Path jar) {
		return new ReplicaLaunch(jar, null);
	}

	public static ReplicaLaunch of(CdsArchive archive) {
		return new ReplicaLaunch(archive.jar(), archive);
	}

	/**
	 * The JVM arguments that follow the replicas' JVM options.
	 * @return {@code -jar} and the jar, after the archive option when there is an archive
	 */
	public List<String> jvmArguments() {
		return (this.archive != null)
				? List.of(this.archive.kind().launchOption(this.archive.file()), "-jar", this.jar.toString())
				: List.of("-jar", this.jar.toString());
	}

}
