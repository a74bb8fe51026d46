package dev.scaleout.launcher.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The terminal of {@code ./scaleout up}: the launcher's own events, and every process's log
 * file followed as it grows, each line prefixed by its instance name as PM2 and Docker
 * Compose do, less the startup noise that {@link ConsoleFilter} leaves in the files. The
 * launcher's events also go to {@code logs/launcher.log}, with the date.
 */
public final class Console implements AutoCloseable {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final int PREFIX_WIDTH = 10;

	private final PrintStream out;

	private final Path launcherLog;

	private final Map<Path, Followed> followed = new ConcurrentHashMap<>();

	private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "console");
		thread.setDaemon(true);
		return thread;
	});

	public Console(PrintStream out, Path launcherLog) {
		this.out = out;
		this.launcherLog = launcherLog;
		this.follower.scheduleWithFixedDelay(this::followAll, 200, 200, TimeUnit.MILLISECONDS);
	}

	/**
	 * Prints one event of the launcher.
	 * @param message the event
	 */
	public synchronized void event(String message) {
		OffsetDateTime now = OffsetDateTime.now();
		this.out.println(prefix("scaleout") + now.format(TIME) + " " + message);
		this.out.flush();
		try {
			// ISO timestamps, as the replicas' and the gateway's lines have them, so that ./scaleout logs merges them
			Files.writeString(this.launcherLog, now.truncatedTo(ChronoUnit.MILLIS) + "  " + message + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// the terminal still has it
		}
	}

	/**
	 * Prints lines without a prefix, such as a table.
	 * @param text the text
	 */
	public synchronized void plain(String text) {
		this.out.print(text);
		this.out.flush();
	}

	/**
	 * Follows a log file from its current end, or goes on following it: a new process of
	 * that name now writes to it.
	 * @param name the prefix of its lines
	 * @param log the file
	 */
	public void follow(String name, Path log) {
		Followed known = this.followed.get(log);
		if (known != null) {
			known.filter.processStarted();
			return;
		}
		this.followed.computeIfAbsent(log, (path) -> {
			long size = 0;
			try {
				size = Files.exists(path) ? Files.size(path) : 0;
			}
			catch (IOException ex) {
				// start from the beginning
			}
			return new Followed(name, size);
		});
	}

	private void followAll() {
		this.followed.forEach(this::followOne);
	}

	private void followOne(Path log, Followed followed) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			if (length < followed.position) {
				followed.position = 0;
			}
			if (length == followed.position) {
				return;
			}
			file.seek(followed.position);
			byte[] bytes = new byte[(int) Math.min(length - followed.position, 1 << 20)];
			file.readFully(bytes);
			int end = lastNewline(bytes);
			if (end < 0) {
				return;
			}
			followed.position += end + 1;
			String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
			synchronized (this) {
				for (String line : text.split("\n", -1)) {
					if (followed.filter.shows(line)) {
						this.out.println(prefix(followed.name) + line);
					}
				}
				this.out.flush();
			}
		}
		catch (IOException ex) {
			// not created yet
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	static String prefix(String name) {
		return String.format("%-" + PREFIX_WIDTH + "s| ", name);
	}

	@Override
	public void close() {
		followAll();
		this.follower.shutdownNow();
	}

	private static final class Followed {

		private final String name;

		private final ConsoleFilter filter = new ConsoleFilter();

		private long position;

		Followed(String name, long position) {
			this.name = name;
			this.position = position;
		}

	}

}
