package dev.scaleout.launcher.cds;

import java.nio.file.Path;

/**
 * What a training run makes for faster replica starts, by the JVM that runs the replicas:
 * a class-data-sharing archive on Java 17 to 24, Java's ahead-of-time cache (JEP 483 and
 * 514) on Java 25 and later, which supersedes it: besides the classes it keeps them loaded
 * and linked, and the profiles of the training run. Both are made by the same training run
 * and tied to the class path and JVM they were made with.
 */
public enum ArchiveKind {

	/**
	 * A CDS archive: {@code -XX:ArchiveClassesAtExit} to make it,
	 * {@code -XX:SharedArchiveFile} to use it.
	 */
	CDS("a CDS archive", "app.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile="),

	/**
	 * An AOT cache: {@code -XX:AOTCacheOutput} to make it, {@code -XX:AOTCache} to use it.
	 */
	AOT_CACHE("an AOT cache", "app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=");

	/**
	 * The first Java release whose {@code -XX:AOTCacheOutput} makes an AOT cache in one
	 * training run (JEP 514).
	 */
	static final int AOT_CACHE_SINCE = 25;

	private final String withArticle;

	private final String fileName;

	private final String trainingOption;

	private final String launchOption;

	ArchiveKind(String withArticle, String fileName, String trainingOption, String launchOption) {
		this.withArticle = withArticle;
		this.fileName = fileName;
		this.trainingOption = trainingOption;
		this.launchOption = launchOption;
	}

	/**
	 * The kind a JVM of this release makes and uses.
	 * @param feature the release, as {@link Runtime.Version#feature()}
	 * @return the AOT cache from Java 25 on, else the CDS archive
	 */
	public static ArchiveKind forJava(int feature) {
		return (feature >= AOT_CACHE_SINCE) ? AOT_CACHE : CDS;
	}

	/**
	 * Its name, for console lines.
	 * @return "CDS archive" or "AOT cache"
	 */
	public String displayName() {
		return this.withArticle.substring(this.withArticle.indexOf(' ') + 1);
	}

	/**
	 * Its name after "a" or "an".
	 * @return "a CDS archive" or "an AOT cache"
	 */
	public String withArticle() {
		return this.withArticle;
	}

	String fileName() {
		return this.fileName;
	}

	/**
	 * The option of the training run that writes it there.
	 * @param file where to write it
	 * @return the JVM option
	 */
	String trainingOption(Path file) {
		return this.trainingOption + file;
	}

	/**
	 * The option of a replica that starts with it.
	 * @param file the archive or cache
	 * @return the JVM option
	 */
	String launchOption(Path file) {
		return this.launchOption + file;
	}

}
