package dev.scaleout.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.fail;

/**
 * The root {@code docker-compose.yml}, read without a Docker engine, as Compose reads it when none of its
 * variables is set: every {@code ${NAME:-default}} is its default.
 */
final class ComposeFile {

	static final String PATH = "docker-compose.yml";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

	private final YamlNode root;

	private ComposeFile(YamlNode root) {
		this.root = root;
	}

	static ComposeFile read() {
		return new ComposeFile(YamlNode.root(PATH, new Yaml().load(withDefaults(Repository.read(PATH)))));
	}

	/** The top-level keys: {@code services}, {@code volumes}, extensions ({@code x-…}). */
	Map<String, YamlNode> topLevel() {
		return this.root.entries();
	}

	YamlNode service(String name) {
		YamlNode service = this.root.at("services").entries().get(name);
		if (service == null) {
			fail("%s has no service %s; it has %s", PATH, name, this.root.at("services").entries().keySet());
		}
		return service;
	}

	Map<String, YamlNode> services() {
		return this.root.at("services").entries();
	}

	YamlNode volumes() {
		return this.root.at("volumes");
	}

	/** The text with each variable replaced by its default (empty without one), as Compose interpolates. */
	static String withDefaults(String text) {
		Matcher variable = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (variable.find()) {
			String fallback = (variable.group(2) != null) ? variable.group(2) : "";
			variable.appendReplacement(result, Matcher.quoteReplacement(fallback));
		}
		variable.appendTail(result);
		return result.toString();
	}

	/**
	 * A service's {@code environment}, written either as a mapping or as a list of {@code NAME=value}.
	 */
	static Map<String, String> environmentOf(YamlNode service) {
		YamlNode environment = service.at("environment");
		if (!environment.isPresent()) {
			return Map.of();
		}
		if (!environment.isList()) {
			return environment.textEntries();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (String entry : environment.texts()) {
			int equals = entry.indexOf('=');
			if (equals > 0) {
				variables.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		return variables;
	}

}
