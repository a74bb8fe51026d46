package dev.scaleout.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Dockerfile as its build stages and their instructions: comments dropped, continued lines joined. A stage's
 * {@code FROM} is read with the defaults of the arguments declared before the first {@code FROM}, as a build
 * without {@code --build-arg} sees it.
 */
final class Dockerfile {

	private static final Pattern ARGUMENT = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

	private final String path;

	private final Map<String, String> argumentDefaults;

	private final List<Stage> stages;

	private Dockerfile(String path, Map<String, String> argumentDefaults, List<Stage> stages) {
		this.path = path;
		this.argumentDefaults = argumentDefaults;
		this.stages = stages;
	}

	static Dockerfile read(String relativePath) {
		Map<String, String> defaults = new LinkedHashMap<>();
		List<Stage> stages = new ArrayList<>();
		for (String line : logicalLines(Repository.read(relativePath))) {
			String[] parts = line.split("\\s+", 2);
			Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT),
					(parts.length > 1) ? parts[1].trim() : "");
			if (instruction.is("FROM")) {
				stages.add(new Stage(withDefaults(instruction.arguments(), defaults), new ArrayList<>()));
			}
			else if (stages.isEmpty()) {
				if (!instruction.is("ARG")) {
					fail("%s: %s comes before the first FROM", relativePath, line);
				}
				String[] declaration = instruction.arguments().split("=", 2);
				defaults.put(declaration[0], (declaration.length > 1) ? declaration[1] : "");
			}
			else {
				stages.get(stages.size() - 1).instructions().add(instruction);
			}
		}
		if (stages.isEmpty()) {
			fail("%s has no FROM instruction", relativePath);
		}
		return new Dockerfile(relativePath, defaults, stages);
	}

	String path() {
		return this.path;
	}

	/** The arguments declared before the first {@code FROM}, with their defaults. */
	Map<String, String> argumentDefaults() {
		return this.argumentDefaults;
	}

	/** The stage named with {@code AS}. */
	Stage stage(String name) {
		return this.stages.stream()
			.filter((stage) -> stage.name().equals(name))
			.findFirst()
			.orElseGet(() -> fail("%s has no stage named %s", this.path, name));
	}

	List<Stage> stages() {
		return this.stages;
	}

	Stage finalStage() {
		return this.stages.get(this.stages.size() - 1);
	}

	List<Stage> buildStages() {
		return this.stages.subList(0, this.stages.size() - 1);
	}

	private static String withDefaults(String text, Map<String, String> defaults) {
		Matcher argument = ARGUMENT.matcher(text);
		StringBuilder result = new StringBuilder();
		while (argument.find()) {
			argument.appendReplacement(result, Matcher.quoteReplacement(defaults.getOrDefault(argument.group(1), "")));
		}
		argument.appendTail(result);
		return result.toString();
	}

	private static List<String> logicalLines(String content) {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String raw : content.split("\\R")) {
			String line = raw.strip();
			if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			current.append(line);
			if (!current.toString().isBlank()) {
				lines.add(current.toString().strip());
			}
			current.setLength(0);
		}
		if (!current.isEmpty()) {
			lines.add(current.toString().strip());
		}
		return lines;
	}

	/**
	 * One {@code FROM} and what follows it up to the next.
	 */
	record Stage(String from, List<Instruction> instructions) {

		/** The image this stage starts from, without {@code --platform} and {@code AS name}. */
		String baseImage() {
			return words().stream().filter((word) -> !word.startsWith("--")).findFirst().orElse("");
		}

		/** The name given with {@code AS}, or empty. */
		String name() {
			List<String> words = words();
			int as = words.stream().map((word) -> word.toUpperCase(Locale.ROOT)).toList().indexOf("AS");
			return (as >= 0 && as + 1 < words.size()) ? words.get(as + 1) : "";
		}

		List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.is(keyword)).toList();
		}

		private List<String> words() {
			return List.of(this.from.split("\\s+"));
		}

	}

	/**
	 * One instruction: its keyword in upper case and the rest of the (joined) line.
	 */
	record Instruction(String keyword, String arguments) {

		boolean is(String expected) {
			return this.keyword.equals(expected);
		}

	}

}
