package dev.scaleout.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scaleout.launcher.LaunchOptions;
import org.jspecify.annotations.Nullable;

/**
 * One command line of {@code ./scaleout}, read with the {@link Flag} table: the command,
 * the options of {@code up} (the other commands use only the run directory), the switches
 * and the operands.
 *
 * @param command the command
 * @param options the options, the defaults where no flag says otherwise
 * @param watch {@code status --watch}
 * @param follow {@code logs -f}
 * @param operands the words that are no flag, such as the replica of {@code drain}
 */
record CommandLine(Command command, LaunchOptions options, boolean watch, boolean follow, List<String> operands) {

	/**
	 * Reads a command line: {@code <command> [--flag value | --flag=value | operand]…}.
	 * @param home the repository root, which the defaults are relative to
	 * @param args the arguments
	 * @return the command line
	 * @throws IllegalArgumentException naming the cause and the fix when a word is wrong
	 */
	static CommandLine parse(Path home, List<String> args) {
		if (args.isEmpty()) {
			return new CommandLine(Command.HELP, LaunchOptions.defaults(home), false, false, List.of());
		}
		Command command = Command.named(args.get(0))
			.orElseThrow(() -> new IllegalArgumentException("Unknown command '" + args.get(0) + "'.\n\n" + Usage.text()));
		CommandLine line = new CommandLine(command, LaunchOptions.defaults(home), false, false, List.of());
		List<String> operands = new ArrayList<>();
		for (int i = 1; i < args.size(); i++) {
			String word = args.get(i);
			if (!word.startsWith("-") || "-".equals(word)) {
				operands.add(word);
				continue;
			}
			int equals = word.indexOf('=');
			String name = (word.startsWith("--") && equals > 0) ? word.substring(0, equals) : word;
			Flag flag = flag(name, command);
			String value = "";
			if (flag.takesValue()) {
				if (equals > 0 && word.startsWith("--")) {
					value = word.substring(equals + 1);
				}
				else if (i + 1 < args.size()) {
					value = args.get(++i);
				}
				else {
					throw new IllegalArgumentException("Option " + name + " needs a value");
				}
			}
			try {
				line = flag.apply().apply(line, value);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Invalid value '" + value + "' for " + name + ": " + ex.getMessage());
			}
		}
		if (operands.isEmpty() && !command.accepts(0)) {
			throw new IllegalArgumentException("./scaleout " + command.word() + " needs " + command.operands() + ", e.g. "
					+ "./scaleout " + command.word() + " replica-1");
		}
		if (!command.accepts(operands.size())) {
			String expected = command.operands().isEmpty() ? "no operand" : command.operands();
			throw new IllegalArgumentException("./scaleout " + command.word() + " takes " + expected + ", not '"
					+ String.join(" ", operands) + "'; see ./scaleout help");
		}
		return line.withOperands(operands);
	}

	private static Flag flag(String name, Command command) {
		Optional<Flag> flag = Flag.ALL.stream().filter((each) -> each.isNamed(name)).findFirst();
		if (flag.isEmpty()) {
			throw new IllegalArgumentException("Unknown option '" + name + "'; see ./scaleout help");
		}
		if (!flag.get().commands().contains(command)) {
			throw new IllegalArgumentException("Option " + name + " is not one of ./scaleout " + command.word()
					+ "; see ./scaleout help");
		}
		return flag.get();
	}

	/**
	 * The one operand of a command that takes one.
	 * @return it, or {@code null} when there is none
	 */
	@Nullable String operand() {
		return this.operands.isEmpty() ? null : this.operands.get(0);
	}

	CommandLine withOptions(LaunchOptions options) {
		return new CommandLine(this.command, options, this.watch, this.follow, this.operands);
	}

	CommandLine withWatch(boolean watch) {
		return new CommandLine(this.command, this.options, watch, this.follow, this.operands);
	}

	CommandLine withFollow(boolean follow) {
		return new CommandLine(this.command, this.options, this.watch, follow, this.operands);
	}

	CommandLine withOperands(List<String> operands) {
		return new CommandLine(this.command, this.options, this.watch, this.follow, List.copyOf(operands));
	}

}
