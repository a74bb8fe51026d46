package dev.scaleout.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.fail;

/**
 * The root {@code docker-compose.yml}, read without a Docker engine.
 */
final class ComposeFile {

	static final String PATH = "docker-compose.yml";

	private final YamlNode root;

	private ComposeFile(YamlNode root) {
		this.root = root;
	}

	static ComposeFile read() {
		return new ComposeFile(YamlNode.root(PATH, new Yaml().load(Repository.read(PATH))));
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
