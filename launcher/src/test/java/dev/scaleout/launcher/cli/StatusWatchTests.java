package dev.scaleout.launcher.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;

import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.control.ControlClient;
import dev.scaleout.launcher.control.ControlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./scaleout status --watch}: one frame per second, each clearing the screen and
 * showing the table as the running launcher has it now.
 */
class StatusWatchTests {

	@TempDir
	Path directory;

	@Test
	void aFrameClearsTheScreenAndShowsTheTimeAndTheTable() {
		assertThat(StatusWatch.frame("NAME  STATE\n", LocalTime.of(14, 3, 7)))
			.isEqualTo("\033[H\033[2J./scaleout status --watch   14:03:07   every 1 s, Ctrl-C to quit\n\nNAME  STATE\n");
	}

	@Test
	void redrawsTheTableOfTheRunningLauncherEverySecond() throws IOException {
		RunDirectory run = new RunDirectory(this.directory);
		run.create();
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (ControlServer control = new ControlServer("token", new FakeStack())) {
			run.writeState(new RunDirectory.LauncherState(ProcessHandle.current().pid(), control.port(), "token", 1));
			long started = System.nanoTime();
			int status = new StatusWatch(new ControlClient(run), new PrintStream(printed, true, StandardCharsets.UTF_8),
					Clock.systemDefaultZone()).run(3);
			assertThat(status).isZero();
			assertThat((System.nanoTime() - started) / 1_000_000).as("ms for three frames").isGreaterThanOrEqualTo(2000);
		}
		String frames = printed.toString(StandardCharsets.UTF_8);
		assertThat(frames.split("\033\\[H\033\\[2J", -1)).hasSize(1 + 3);
		assertThat(frames).contains("(status call 1)", "(status call 2)", "(status call 3)");
	}

	@Test
	void endsSayingSoWhenNoLauncherRuns() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		RunDirectory run = new RunDirectory(this.directory);
		int status = new StatusWatch(new ControlClient(run), new PrintStream(printed, true, StandardCharsets.UTF_8),
				Clock.systemDefaultZone()).run(0);
		assertThat(status).isOne();
		assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("No ./scaleout up is running here");
	}

}
