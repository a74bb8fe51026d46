package dev.scaleout.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./scaleout help}, rendered from the {@link Command} and {@link Flag} tables.
 */
final class Usage {

	private static final int WIDTH = 112;

	private static final int COLUMN = 24;

	private Usage() {
	}

	static String text() {
		StringBuilder text = new StringBuilder("Usage: ./scaleout <command> [flags]\n\nCommands:\n");
		for (Command command : Command.values()) {
			String synopsis = (command.word() + " " + command.operands()).trim();
			row(text, synopsis, command.meaning());
		}
		text.append("\nFlags of up:\n");
		Flag.ALL.stream().filter((flag) -> flag.commands().equals(Set.of(Command.UP)))
			.forEach((flag) -> row(text, flag.synopsis(), flag.meaning()));
		text.append("\nFlags of the other commands:\n");
		Flag.ALL.stream().filter((flag) -> !flag.commands().equals(Set.of(Command.UP))).forEach((flag) -> {
			List<String> commands = flag.commands().stream().map(Command::word).toList();
			String which = (commands.size() > 3) ? "every command" : String.join(", ", commands);
			row(text, flag.synopsis(), which + ": " + flag.meaning());
		});
		return text.toString();
	}

	private static void row(StringBuilder text, String left, String meaning) {
		String first = "  " + left;
		List<String> lines = wrap(meaning, WIDTH - COLUMN);
		if (first.length() >= COLUMN) {
			text.append(first).append('\n');
			first = "";
		}
		for (String line : lines) {
			text.append(String.format("%-" + COLUMN + "s%s%n", first, line));
			first = "";
		}
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
		return lines;
	}

}
