package dev.scaleout.launcher.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands of {@code ./scaleout}, with what each takes besides flags and what it
 * does, as the help text lists them.
 */
enum Command {

	/** Runs the stack. */
	UP("", "Run Redis, N replicas of the app and the gateway; Ctrl-C stops everything", 0, 0),

	/** Prints the status table. */
	STATUS("", "Print every process (pid, port, uptime, restarts, RSS, state) and the gateway's view; "
			+ "--watch redraws it every second", 0, 0),

	/** Prints the log files. */
	LOGS("[NAME]", "Print the run directory's log files, all merged by time or NAME's only (replica-1, gateway, "
			+ "redis, launcher …); -f follows them", 0, 1),

	/** Rolls the replicas. */
	RELOAD("", "Replace the replicas one at a time, without failing a request", 0, 0),

	/** Stops the stack. */
	STOP("", "Stop the running 'up' gracefully", 0, 0),

	/** Sets a replica's mode in the gateway. */
	DRAIN("REPLICA", "Set REPLICA's mode in the gateway to drain, through its admin API (REPLICA: replica-1 …)", 1, 1),

	/** Sets a replica's mode in the gateway. */
	MAINT("REPLICA", "Set REPLICA's mode in the gateway to maint", 1, 1),

	/** Sets a replica's mode in the gateway. */
	READY("REPLICA", "Set REPLICA's mode in the gateway back to ready", 1, 1),

	/** Prints the help text. */
	HELP("", "Print this help", 0, 0);

	private final String operands;

	private final String meaning;

	private final int minOperands;

	private final int maxOperands;

	Command(String operands, String meaning, int minOperands, int maxOperands) {
		this.operands = operands;
		this.meaning = meaning;
		this.minOperands = minOperands;
		this.maxOperands = maxOperands;
	}

	static Optional<Command> named(String name) {
		if ("--help".equals(name) || "-h".equals(name)) {
			return Optional.of(HELP);
		}
		return Arrays.stream(values()).filter((command) -> command.word().equals(name)).findFirst();
	}

	/**
	 * The command as typed.
	 * @return e.g. {@code up}
	 */
	String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	String operands() {
		return this.operands;
	}

	String meaning() {
		return this.meaning;
	}

	boolean accepts(int operands) {
		return operands >= this.minOperands && operands <= this.maxOperands;
	}

}
