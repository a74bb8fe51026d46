package dev.scaleout.report;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A database that lives inside one process, told from its JDBC URL: each replica that uses it has a database of its
 * own.
 */
enum ProcessLocalDatabase {

	/**
	 * In the process's memory: H2 {@code mem:}, HSQLDB {@code mem:}, Derby {@code memory:}, SQLite
	 * {@code :memory:}.
	 */
	IN_MEMORY("an in-memory database"),

	/**
	 * In files the process opens itself: H2 and HSQLDB files, a Derby directory, an SQLite file.
	 */
	FILE("a database in files of this process");

	private final String description;

	ProcessLocalDatabase(String description) {
		this.description = description;
	}

	String description() {
		return this.description;
	}

	/**
	 * Tells which kind of process-local database a JDBC URL opens.
	 * @param url a JDBC URL
	 * @return the kind, or {@code null} for a database server (or a read-only database that every replica has
	 * the same)
	 */
	static @Nullable ProcessLocalDatabase of(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:")) {
			return h2(lower.substring("jdbc:h2:".length()));
		}
		if (lower.startsWith("jdbc:hsqldb:")) {
			return hsqldb(lower.substring("jdbc:hsqldb:".length()));
		}
		if (lower.startsWith("jdbc:derby:")) {
			return derby(lower.substring("jdbc:derby:".length()));
		}
		if (lower.startsWith("jdbc:sqlite:")) {
			return sqlite(lower.substring("jdbc:sqlite:".length()));
		}
		return null;
	}

	private static @Nullable ProcessLocalDatabase h2(String rest) {
		if (rest.startsWith("mem:")) {
			return IN_MEMORY;
		}
		return (rest.startsWith("tcp:") || rest.startsWith("ssl:")) ? null : FILE;
	}

	private static @Nullable ProcessLocalDatabase hsqldb(String rest) {
		if (rest.startsWith("mem:")) {
			return IN_MEMORY;
		}
		return rest.startsWith("file:") ? FILE : null;
	}

	private static @Nullable ProcessLocalDatabase derby(String rest) {
		if (rest.startsWith("memory:")) {
			return IN_MEMORY;
		}
		boolean server = rest.startsWith("//");
		boolean readOnly = rest.startsWith("classpath:") || rest.startsWith("jar:");
		return (server || readOnly) ? null : FILE;
	}

	private static ProcessLocalDatabase sqlite(String rest) {
		boolean memory = rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file::memory:")
				|| rest.contains("mode=memory");
		return memory ? IN_MEMORY : FILE;
	}

	/**
	 * The URL as it may be shown: without the settings after the database's name, where a password can be.
	 * @param url a JDBC URL
	 * @return the URL up to its first {@code ;} or {@code ?}
	 */
	static String shown(String url) {
		int end = url.length();
		for (char separator : new char[] { ';', '?' }) {
			int at = url.indexOf(separator);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return url.substring(0, end);
	}

}
