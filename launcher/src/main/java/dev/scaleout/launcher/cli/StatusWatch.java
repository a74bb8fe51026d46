package dev.scaleout.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import dev.scaleout.launcher.Pause;
import dev.scaleout.launcher.control.ControlClient;

/**
 * {@code ./scaleout status --watch}: the status table redrawn every second in place, as
 * {@code watch} or {@code pm2 monit} do, until Ctrl-C, or until {@code up} stops.
 */
final class StatusWatch {

	static final Duration INTERVAL = Duration.ofSeconds(1);

	/** Cursor home, then clear the screen: the next frame replaces the last. */
	static final String CLEAR = "\033[H\033[2J";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final ControlClient client;

	private final PrintStream out;

	private final Clock clock;

	StatusWatch(ControlClient client, PrintStream out, Clock clock) {
		this.client = client;
		this.out = out;
		this.clock = clock;
	}

	/**
	 * Draws frames.
	 * @param frames how many, or 0 for as many as it takes until Ctrl-C
	 * @return the exit status: 1 once {@code up} no longer answers
	 */
	int run(int frames) {
		for (int drawn = 0; frames == 0 || drawn < frames; drawn++) {
			if (drawn > 0) {
				Pause.briefly(INTERVAL);
			}
			String table;
			try {
				table = this.client.status();
			}
			catch (IOException ex) {
				this.out.println(ex.getMessage());
				return 1;
			}
			this.out.print(frame(table, LocalTime.now(this.clock)));
			this.out.flush();
		}
		return 0;
	}

	/**
	 * One frame: the screen cleared, a header with the time, the table.
	 * @param table the status table
	 * @param now the time of the frame
	 * @return what to print
	 */
	static String frame(String table, LocalTime now) {
		return CLEAR + "./scaleout status --watch   " + now.format(TIME) + "   every " + INTERVAL.toSeconds()
				+ " s, Ctrl-C to quit\n\n" + table;
	}

}
