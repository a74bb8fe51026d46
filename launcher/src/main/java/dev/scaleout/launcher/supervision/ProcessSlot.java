package dev.scaleout.launcher.supervision;

import java.time.Duration;
import java.util.function.Function;

import dev.scaleout.launcher.ChildProcess;
import org.jspecify.annotations.Nullable;

/**
 * One supervised process under its fixed name ({@code replica-1}, {@code gateway},
 * {@code redis}) across the processes that serve it one after the other, and the state
 * machine of its life: what happens when a process was {@link #started started}, turned
 * {@link #ready ready}, {@link #exited exited} or was {@link #promoted promoted} in place
 * of the previous one. Every transition is here; supervisors only react to what a
 * transition answers. Restarts after a crash follow a {@link RestartBackoff}, and stop
 * when the {@link CrashLoopGuard} says the process crashes too often.
 *
 * @param <P> what runs in the slot
 */
class ProcessSlot<P> {

	private final String name;

	private final Function<P, ChildProcess> processOf;

	private final RestartBackoff backoff;

	private final CrashLoopGuard guard;

	private @Nullable P current;

	private SlotState state = SlotState.STARTING;

	private int restarts;

	ProcessSlot(String name, Function<P, ChildProcess> processOf, RestartBackoff backoff, CrashLoopGuard guard) {
		this.name = name;
		this.processOf = processOf;
		this.backoff = backoff;
		this.guard = guard;
	}

	String name() {
		return this.name;
	}

	synchronized @Nullable P current() {
		return this.current;
	}

	synchronized SlotState state() {
		return this.state;
	}

	synchronized int restarts() {
		return this.restarts;
	}

	CrashLoopGuard guard() {
		return this.guard;
	}

	/**
	 * A new process now serves the slot: {@code STARTING}.
	 * @param process the process
	 * @return {@code false} when the slot is stopped, and the process must be stopped too
	 */
	synchronized boolean started(P process) {
		if (this.state == SlotState.STOPPED) {
			return false;
		}
		this.current = process;
		this.state = SlotState.STARTING;
		return true;
	}

	/**
	 * No process could be started: the slot gives up, {@code CRASH_LOOP}.
	 */
	synchronized void couldNotStart() {
		if (this.state != SlotState.STOPPED) {
			this.state = SlotState.CRASH_LOOP;
		}
	}

	/**
	 * A process turned ready: {@code READY}, if it still is the slot's own.
	 * @param process the process
	 * @return whether the slot took it as ready
	 */
	synchronized boolean ready(P process) {
		if (this.current != process || this.state != SlotState.STARTING) {
			return false;
		}
		this.state = SlotState.READY;
		return true;
	}

	/**
	 * A process exited. Unless it was asked to stop or no longer is the slot's own, that
	 * is a crash: {@code BACKOFF} with the delay before the restart, or {@code CRASH_LOOP}
	 * when the guard allows no more restarts.
	 * @param process the process that exited
	 * @return what the supervisor is to do
	 */
	synchronized Exit exited(P process) {
		if (this.state == SlotState.STOPPED || this.current != process
				|| this.processOf.apply(process).stopRequested()) {
			return Exit.EXPECTED;
		}
		if (!this.guard.tryRestart()) {
			this.state = SlotState.CRASH_LOOP;
			return Exit.CRASH_LOOP;
		}
		this.restarts++;
		this.state = SlotState.BACKOFF;
		return new Exit(Exit.Outcome.RESTART, this.backoff.nextDelay(this.processOf.apply(process).uptime()));
	}

	/**
	 * Whether the restart scheduled after this crash is still wanted: the slot is in
	 * backoff for it, not stopped, not taken over by a reload meanwhile.
	 * @param crashed the process whose exit scheduled the restart
	 * @return {@code true} when the supervisor is to start a new process now
	 */
	synchronized boolean restartDue(P crashed) {
		return this.state == SlotState.BACKOFF && this.current == crashed;
	}

	/**
	 * A ready replacement takes the slot over, as in a reload: {@code READY}, and the crash
	 * history is forgotten.
	 * @param replacement the new process
	 * @return the previous process, for the caller to stop, or {@code null}
	 */
	synchronized @Nullable P promoted(P replacement) {
		P previous = this.current;
		this.current = replacement;
		this.state = SlotState.READY;
		this.guard.reset();
		return previous;
	}

	/**
	 * The stack stops: {@code STOPPED}, for good.
	 */
	synchronized void stopped() {
		this.state = SlotState.STOPPED;
	}

	/**
	 * What a supervisor does after an exit.
	 *
	 * @param outcome the kind of exit
	 * @param restartDelay how long to wait before the restart, {@link Duration#ZERO} unless
	 * {@link Outcome#RESTART}
	 */
	record Exit(Outcome outcome, Duration restartDelay) {

		static final Exit EXPECTED = new Exit(Outcome.EXPECTED, Duration.ZERO);

		static final Exit CRASH_LOOP = new Exit(Outcome.CRASH_LOOP, Duration.ZERO);

		/**
		 * The kinds of exit.
		 */
		enum Outcome {

			/** Asked for, or of a process the slot no longer owns: nothing to do. */
			EXPECTED,

			/** A crash: restart after the delay. */
			RESTART,

			/** A crash too many: leave it down and say so. */
			CRASH_LOOP

		}

	}

}
