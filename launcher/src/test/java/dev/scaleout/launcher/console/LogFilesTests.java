package dev.scaleout.launcher.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.scaleout.launcher.RunDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./scaleout logs [NAME] [-f]}: one log file as it is, or all of them merged by
 * the time of each line, and the lines added later when following.
 */
class LogFilesTests {

	@TempDir
	Path directory;

	private RunDirectory run;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	@BeforeEach
	void writeLogs() throws IOException {
		this.run = new RunDirectory(this.directory);
		this.run.create();
		Files.writeString(this.run.log("replica-1"), """
				2026-11-29T13:00:01.000Z  INFO [replica-1] first
				2026-11-29T13:00:03.000Z ERROR [replica-1] third
				java.lang.IllegalStateException: boom
				\tat Thing.run(Thing.java:1)
				""");
		Files.writeString(this.run.log("launcher"), """
				2026-11-29T13:00:02.000Z  replica-1 is ready
				2026-11-29T13:00:04.000Z  stopping
				""");
	}

	@Test
	void printsOneFileAsItIs() throws IOException {
		new LogFiles(this.run).print("launcher", this.out);
		assertThat(printed()).isEqualTo(Files.readString(this.run.log("launcher")));
	}

	@Test
	void mergesAllFilesByTimeKeepingContinuationLinesWithTheirLine() throws IOException {
		new LogFiles(this.run).print(null, this.out);
		assertThat(printed().lines()).containsExactly(
				"replica-1 | 2026-11-29T13:00:01.000Z  INFO [replica-1] first",
				"launcher  | 2026-11-29T13:00:02.000Z  replica-1 is ready",
				"replica-1 | 2026-11-29T13:00:03.000Z ERROR [replica-1] third",
				"replica-1 | java.lang.IllegalStateException: boom",
				"replica-1 | \tat Thing.run(Thing.java:1)",
				"launcher  | 2026-11-29T13:00:04.000Z  stopping");
	}

	@Test
	void readsTheTimeOfRedisLines() {
		assertThat(LogFiles.timeOf("4110:M 29 Nov 2026 13:55:10.100 * Server initialized"))
			.isEqualTo(LocalDateTime.of(2026, 11, 29, 13, 55, 10, 100_000_000).atZone(ZoneId.systemDefault()).toInstant());
		assertThat(LogFiles.timeOf("2026-11-29T13:55:10.100+01:00  INFO x"))
			.isEqualTo(Instant.parse("2026-11-29T12:55:10.100Z"));
		assertThat(LogFiles.timeOf("\tat Thing.run(Thing.java:1)")).isNull();
	}

	@Test
	void anUnknownNameListsTheLogs() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LogFiles(this.run).print("replica-9", this.out))
			.withMessageEndingWith("there are: launcher, replica-1");
	}

	@Test
	void followingPrintsTheLinesAddedLaterIncludingThoseOfANewFile() throws Exception {
		AtomicBoolean following = new AtomicBoolean(true);
		Thread follower = new Thread(() -> new LogFiles(this.run).follow(null, this.out, following::get));
		follower.start();
		try {
			await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(300)).until(() -> true);
			Files.writeString(this.run.log("replica-1"), "2026-11-29T13:00:05.000Z  INFO [replica-1] later\n",
					StandardOpenOption.APPEND);
			Files.writeString(this.run.log("gateway"), "2026-11-29T13:00:06.000Z  WARN [gateway] new file\n");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(printed().lines()).containsExactly(
						"replica-1 | 2026-11-29T13:00:05.000Z  INFO [replica-1] later",
						"gateway   | 2026-11-29T13:00:06.000Z  WARN [gateway] new file"));
		}
		finally {
			following.set(false);
			follower.join(5000);
		}
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
