package dev.scaleout.launcher.cds;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which kind of archive a JVM makes and uses, and the options of each: Java 25's
 * {@code -XX:AOTCacheOutput} takes over from CDS, earlier releases do not know it.
 */
class ArchiveKindTests {

	private static final Path FILE = Path.of("/run/cds/k1/app");

	@Test
	void java17To24UseACdsArchive() {
		for (int feature = 17; feature <= 24; feature++) {
			assertThat(ArchiveKind.forJava(feature)).as("Java %d", feature).isEqualTo(ArchiveKind.CDS);
		}
		assertThat(ArchiveKind.CDS.trainingOption(FILE)).isEqualTo("-XX:ArchiveClassesAtExit=/run/cds/k1/app");
		assertThat(ArchiveKind.CDS.launchOption(FILE)).isEqualTo("-XX:SharedArchiveFile=/run/cds/k1/app");
		assertThat(ArchiveKind.CDS.fileName()).isEqualTo("app.jsa");
		assertThat(ArchiveKind.CDS.withArticle()).isEqualTo("a CDS archive");
	}

	@Test
	void java25AndLaterUseAnAotCache() {
		assertThat(ArchiveKind.forJava(25)).isEqualTo(ArchiveKind.AOT_CACHE);
		assertThat(ArchiveKind.forJava(26)).isEqualTo(ArchiveKind.AOT_CACHE);
		assertThat(ArchiveKind.AOT_CACHE.trainingOption(FILE)).isEqualTo("-XX:AOTCacheOutput=/run/cds/k1/app");
		assertThat(ArchiveKind.AOT_CACHE.launchOption(FILE)).isEqualTo("-XX:AOTCache=/run/cds/k1/app");
		assertThat(ArchiveKind.AOT_CACHE.fileName()).isEqualTo("app.aot");
		assertThat(ArchiveKind.AOT_CACHE.displayName()).isEqualTo("AOT cache");
	}

}
