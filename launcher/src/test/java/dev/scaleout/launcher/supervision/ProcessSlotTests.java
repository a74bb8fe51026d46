package dev.scaleout.launcher.supervision;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.scaleout.launcher.ChildProcess;
import dev.scaleout.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a supervised process, transition by transition: the slot owns every state
 * change, the supervisor only reacts to what it answers.
 */
class ProcessSlotTests {

	@TempDir
	Path directory;

	private final MutableClock clock = new MutableClock();

	private final ProcessSlot<ChildProcess> slot = new ProcessSlot<>("gateway", Function.identity(),
			new RestartBackoff(), new CrashLoopGuard(2, Duration.ofMinutes(5), this.clock));

	@Test
	void startsStartingAndTurnsReadyOnlyForItsOwnProcess() throws Exception {
		ChildProcess first = exited();
		this.slot.started(first);
		assertThat(this.slot.state()).isEqualTo(SlotState.STARTING);
		assertThat(this.slot.ready(exited())).isFalse();
		assertThat(this.slot.ready(first)).isTrue();
		assertThat(this.slot.state()).isEqualTo(SlotState.READY);
	}

	@Test
	void aCrashMeansBackoffWithGrowingDelaysUntilTheGuardSaysCrashLoop() throws Exception {
		ChildProcess first = exited();
		this.slot.started(first);
		assertThat(this.slot.exited(first)).isEqualTo(
				new ProcessSlot.Exit(ProcessSlot.Exit.Outcome.RESTART, Duration.ofMillis(100)));
		assertThat(this.slot.state()).isEqualTo(SlotState.BACKOFF);
		assertThat(this.slot.restartDue(first)).isTrue();
		ChildProcess second = exited();
		this.slot.started(second);
		assertThat(this.slot.exited(second).restartDelay()).isEqualTo(Duration.ofMillis(150));
		ChildProcess third = exited();
		this.slot.started(third);
		assertThat(this.slot.exited(third)).isEqualTo(ProcessSlot.Exit.CRASH_LOOP);
		assertThat(this.slot.state()).isEqualTo(SlotState.CRASH_LOOP);
		assertThat(this.slot.restarts()).isEqualTo(2);
	}

	@Test
	void anExitAskedForOrOfAProcessNoLongerOwnedIsExpected() throws Exception {
		ChildProcess stopped = exited();
		stopped.stop(Duration.ofSeconds(1));
		this.slot.started(stopped);
		assertThat(this.slot.exited(stopped)).isEqualTo(ProcessSlot.Exit.EXPECTED);
		ChildProcess replaced = exited();
		this.slot.started(replaced);
		this.slot.promoted(exited());
		assertThat(this.slot.exited(replaced)).isEqualTo(ProcessSlot.Exit.EXPECTED);
		assertThat(this.slot.state()).isEqualTo(SlotState.READY);
	}

	@Test
	void aRestartIsNoLongerDueOnceAReloadTookTheSlotOver() throws Exception {
		ChildProcess crashed = exited();
		this.slot.started(crashed);
		this.slot.exited(crashed);
		this.slot.promoted(exited());
		assertThat(this.slot.restartDue(crashed)).isFalse();
	}

	@Test
	void aStoppedSlotTakesNoNewProcessAndExpectsEveryExit() throws Exception {
		ChildProcess running = exited();
		this.slot.started(running);
		this.slot.stopped();
		assertThat(this.slot.started(exited())).isFalse();
		assertThat(this.slot.exited(running)).isEqualTo(ProcessSlot.Exit.EXPECTED);
		assertThat(this.slot.state()).isEqualTo(SlotState.STOPPED);
	}

	@Test
	void aProcessThatCouldNotStartLeavesTheSlotInACrashLoop() {
		this.slot.couldNotStart();
		assertThat(this.slot.state()).isEqualTo(SlotState.CRASH_LOOP);
	}

	private ChildProcess exited() throws IOException, InterruptedException {
		ChildProcess process = ChildProcess.start("gateway", List.of("true"), this.directory.resolve("gateway.log"),
				this.clock);
		process.awaitExit(Duration.ofSeconds(10));
		return process;
	}

}
