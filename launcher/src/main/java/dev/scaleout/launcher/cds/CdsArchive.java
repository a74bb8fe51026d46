package dev.scaleout.launcher.cds;

import java.nio.file.Path;

/**
 * A class-data-sharing archive, or an AOT cache, of the app (see {@link ArchiveKind}):
 * the jar extracted as Spring Boot's {@code -Djarmode=tools extract} lays it out (the
 * application jar under its own name, its libraries in {@code lib/}), and the file in
 * which the JVM archived the classes that one training run of that jar loaded. The JVM accepts the file only for the class path
 * it was made with, so replicas run the extracted jar at this very path.
 *
 * @param key what it was made from, see {@link CdsArchives#key}
 * @param kind a CDS archive or an AOT cache
 * @param directory the directory holding all of it
 * @param jar the extracted application jar
 * @param file the archive or cache, for {@code -XX:SharedArchiveFile} or {@code -XX:AOTCache}
 */
public record CdsArchive(String key, ArchiveKind kind, Path directory, Path jar, Path file) {

}
