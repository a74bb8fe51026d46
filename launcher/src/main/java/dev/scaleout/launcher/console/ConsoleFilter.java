package dev.scaleout.launcher.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of a child's log file the console of {@code up} shows; the file itself
 * keeps every line. The rule, one per log file:
 * <ul>
 * <li>a log line (Spring Boot's format, or Redis's) is shown when its level is WARN or
 * above (Redis: {@code #}, less the lines it logs so at every start and stop), or when it
 * is one of {@link #ALLOWED} — an app started, a graceful shutdown began or completed,
 * Redis is ready;</li>
 * <li>a line that continues a log line (a stack trace, a multi-line message such as the
 * banner, which the launcher has Spring Boot log with {@link #LOGGED_BANNER}) goes with
 * it;</li>
 * <li>whatever a process prints before its first log line (the JVM's own errors, an
 * unknown log format) is shown.</li>
 * </ul>
 * So the console shows what needs a reader, and the startup INFO lines (the route
 * predicate factories, Tomcat and Netty starting, repository scanning) stay in the files.
 */
public final class ConsoleFilter {

	/** The argument that makes Spring Boot log its banner as one INFO event. */
	public static final String LOGGED_BANNER = "--spring.main.banner-mode=log";

	private static final Pattern SPRING_BOOT = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}[T ][\\d:.,]+\\S*\\s+(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\s");

	private static final Pattern REDIS = Pattern
		.compile("^\\d+:(?:[XCSM] \\d{1,2} \\w{3} \\d{4} [\\d:.]+ ([.*#-]) |signal-handler )");

	/** What Redis logs at its warning level ({@code #}) every time it starts or stops. */
	private static final Pattern REDIS_ROUTINE = Pattern.compile("Redis is starting|Redis version=|Configuration "
			+ "loaded|Server initialized|User requested shutdown|Saving the final RDB|DB saved on disk|ready to exit");

	/** INFO lines that the console shows all the same: a process's milestones. */
	static final List<Pattern> ALLOWED = List.of(Pattern.compile(" Started \\S+ in [\\d.]+ seconds"),
			Pattern.compile("Commencing graceful shutdown"), Pattern.compile("Graceful shutdown complete"),
			Pattern.compile("Ready to accept connections"));

	private boolean sawLogLine;

	private boolean showing = true;

	/**
	 * A new process writes to the file from now on: what it prints before its first log
	 * line is shown.
	 */
	synchronized void processStarted() {
		this.sawLogLine = false;
		this.showing = true;
	}

	/**
	 * Whether the console shows this line, the next of the file.
	 * @param line the line
	 * @return {@code true} to show it
	 */
	synchronized boolean shows(String line) {
		Matcher springBoot = SPRING_BOOT.matcher(line);
		Matcher redis = REDIS.matcher(line);
		if (springBoot.find()) {
			judge(line, !"TRACE DEBUG INFO".contains(springBoot.group(1)));
		}
		else if (redis.find()) {
			judge(line, "#".equals(redis.group(1)) && !REDIS_ROUTINE.matcher(line).find());
		}
		else if (!this.sawLogLine) {
			return true;
		}
		return this.showing;
	}

	private void judge(String line, boolean warning) {
		this.sawLogLine = true;
		this.showing = warning || ALLOWED.stream().anyMatch((allowed) -> allowed.matcher(line).find());
	}

}
