package dev.scaleout.launcher.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.RunDirectory;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./scaleout logs [NAME] [-f]}: the log files of the run directory, every line of
 * them. One file is printed as it is; all of them are merged by the time at the start of
 * each line (Spring Boot's ISO timestamps, Redis's own format; a line without one, such as
 * a stack trace, stays after the line it continues), each line prefixed by its file's name
 * as the console of {@code up} does. Following prints the lines added from then on.
 */
public final class LogFiles {

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Pattern ISO = Pattern
		.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?)(Z|[+-]\\d{2}:?\\d{2})?");

	private static final Pattern REDIS = Pattern
		.compile("^\\d+:[XCSM] (\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ");

	private static final DateTimeFormatter REDIS_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss.SSS",
			Locale.ENGLISH);

	private final Path directory;

	public LogFiles(RunDirectory run) {
		this.directory = run.log("any").getParent();
	}

	/**
	 * The names of the log files, such as {@code replica-1} or {@code gateway}.
	 * @return the names, sorted
	 */
	List<String> names() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(".log"))
				.map((file) -> file.substring(0, file.length() - 4))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * Prints one log file, or all of them merged.
	 * @param name the file's name, or {@code null} for all
	 * @param out where to print
	 * @throws IOException when a file cannot be read
	 */
	public void print(@Nullable String name, PrintStream out) throws IOException {
		if (name != null) {
			out.print(Files.readString(file(name)));
			out.flush();
			return;
		}
		List<Line> lines = new ArrayList<>();
		for (String each : names()) {
			Instant time = Instant.EPOCH;
			for (String text : Files.readAllLines(this.directory.resolve(each + ".log"))) {
				Instant own = timeOf(text);
				time = (own != null) ? own : time;
				lines.add(new Line(time, each, text));
			}
		}
		lines.sort(Comparator.comparing(Line::time));
		lines.forEach((line) -> out.println(Console.prefix(line.name()) + line.text()));
		out.flush();
	}

	/**
	 * Prints the lines added to one log file, or to any, until told to stop.
	 * @param name the file's name, or {@code null} for all
	 * @param out where to print
	 * @param keepGoing asked before every look at the files
	 */
	public void follow(@Nullable String name, PrintStream out, BooleanSupplier keepGoing) {
		Map<String, Long> positions = new LinkedHashMap<>();
		for (String each : (name != null) ? List.of(name) : names()) {
			positions.put(each, size(this.directory.resolve(each + ".log")));
		}
		while (keepGoing.getAsBoolean()) {
			if (name == null) {
				names().forEach((each) -> positions.putIfAbsent(each, 0L));
			}
			positions.replaceAll((each, position) -> printAdded(each, position, (name == null), out));
			Pause.briefly(POLL);
		}
	}

	private long printAdded(String name, long position, boolean prefixed, PrintStream out) {
		Path log = this.directory.resolve(name + ".log");
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long from = (length < position) ? 0 : position;
			if (length == from) {
				return from;
			}
			file.seek(from);
			byte[] bytes = new byte[(int) Math.min(length - from, 1 << 20)];
			file.readFully(bytes);
			int end = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf('\n');
			if (end < 0) {
				return from;
			}
			for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1)) {
				out.println(prefixed ? Console.prefix(name) + line : line);
			}
			out.flush();
			return from + end + 1;
		}
		catch (IOException ex) {
			return position;
		}
	}

	private Path file(String name) {
		Path file = this.directory.resolve(name + ".log");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("No log named '" + name + "' in " + this.directory + "; there are: "
					+ String.join(", ", names()));
		}
		return file;
	}

	private static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * The time at the start of a log line.
	 * @param line the line
	 * @return its time, or {@code null} when it has none
	 */
	static @Nullable Instant timeOf(String line) {
		try {
			Matcher iso = ISO.matcher(line);
			if (iso.find()) {
				String local = iso.group(1).replace(',', '.');
				String offset = iso.group(2);
				if (offset == null) {
					return LocalDateTime.parse(local).atZone(ZoneId.systemDefault()).toInstant();
				}
				return OffsetDateTime.parse(local + offset.replaceAll("^([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
			}
			Matcher redis = REDIS.matcher(line);
			if (redis.find()) {
				return LocalDateTime.parse(redis.group(1), REDIS_TIME).atZone(ZoneId.systemDefault()).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			// not a time after all
		}
		return null;
	}

	private record Line(Instant time, String name, String text) {
	}

}
