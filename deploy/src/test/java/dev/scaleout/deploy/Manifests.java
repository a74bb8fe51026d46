package dev.scaleout.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Kubernetes objects of a rendered multi-document YAML stream, found by kind and name.
 */
final class Manifests {

	private final List<YamlNode> objects;

	private Manifests(List<YamlNode> objects) {
		this.objects = objects;
	}

	static Manifests parse(String multiDocumentYaml) {
		List<YamlNode> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(multiDocumentYaml)) {
			if (document != null) {
				YamlNode unnamed = YamlNode.root("a rendered object", document);
				String label = unnamed.at("kind").optionalText().orElse("?") + " "
						+ unnamed.at("metadata.name").optionalText().orElse("?");
				objects.add(YamlNode.root(label, document));
			}
		}
		return new Manifests(objects);
	}

	List<YamlNode> all() {
		return this.objects;
	}

	List<YamlNode> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.at("kind").text())).toList();
	}

	YamlNode named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(object.at("metadata.name").text()))
			.findFirst()
			.orElseGet(() -> fail("No %s named %s among the rendered objects: %s", kind, name, names(kind)));
	}

	/**
	 * The environment a container starts with: its {@code envFrom} ConfigMaps, overridden by its own
	 * {@code env} entries, as the kubelet builds it. A reference to a ConfigMap that is not rendered fails.
	 */
	Map<String, String> environmentOf(YamlNode container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (YamlNode source : container.at("envFrom").itemsOrEmpty()) {
			if (source.at("configMapRef").isPresent()) {
				String prefix = source.at("prefix").optionalText().orElse("");
				named("ConfigMap", source.at("configMapRef.name").text()).at("data").textEntriesOrEmpty()
					.forEach((key, value) -> environment.put(prefix + key, value));
			}
		}
		for (YamlNode variable : container.at("env").itemsOrEmpty()) {
			if (variable.at("value").isPresent()) {
				environment.put(variable.at("name").text(), variable.at("value").text());
			}
			else if (variable.at("valueFrom.configMapKeyRef").isPresent()) {
				YamlNode ref = variable.at("valueFrom.configMapKeyRef");
				String key = ref.at("key").text();
				String value = named("ConfigMap", ref.at("name").text()).at("data").textEntries().get(key);
				if (value == null) {
					fail("%s: %s refers to the missing key %s", container.origin(), variable.describePath(), key);
				}
				environment.put(variable.at("name").text(), value);
			}
		}
		return environment;
	}

	private List<String> names(String kind) {
		return ofKind(kind).stream().map((object) -> object.at("metadata.name").text()).toList();
	}

}
