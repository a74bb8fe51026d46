package dev.scaleout.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * Parsed YAML navigated by dotted paths. A missing key is a node that knows its path, so a failing check
 * names the exact place in the file (for example {@code Deployment app: spec.strategy.type}).
 */
final class YamlNode {

	private final String origin;

	private final String path;

	private final Object value;

	private YamlNode(String origin, String path, Object value) {
		this.origin = origin;
		this.path = path;
		this.value = value;
	}

	static YamlNode root(String origin, Object value) {
		return new YamlNode(origin, "", value);
	}

	YamlNode at(String dottedPath) {
		YamlNode node = this;
		for (String key : dottedPath.split("\\.")) {
			node = node.child(key);
		}
		return node;
	}

	boolean isPresent() {
		return this.value != null;
	}

	boolean isList() {
		return this.value instanceof List;
	}

	String text() {
		if (this.value == null || this.value instanceof Map || this.value instanceof List) {
			fail("%s: %s should be a scalar but is %s", this.origin, describePath(), this.value);
		}
		return String.valueOf(this.value);
	}

	Optional<String> optionalText() {
		return isPresent() ? Optional.of(text()) : Optional.empty();
	}

	int integer() {
		try {
			return Integer.parseInt(text());
		}
		catch (NumberFormatException ex) {
			return fail("%s: %s should be a whole number but is %s", this.origin, describePath(), this.value);
		}
	}

	List<YamlNode> items() {
		if (!(this.value instanceof List<?> list)) {
			return fail("%s: %s should be a list but is %s", this.origin, describePath(), this.value);
		}
		List<YamlNode> items = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			items.add(new YamlNode(this.origin, this.path + "[" + i + "]", list.get(i)));
		}
		return items;
	}

	List<YamlNode> itemsOrEmpty() {
		return isPresent() ? items() : List.of();
	}

	Map<String, YamlNode> entries() {
		if (!(this.value instanceof Map<?, ?> map)) {
			return fail("%s: %s should be a mapping but is %s", this.origin, describePath(), this.value);
		}
		Map<String, YamlNode> entries = new LinkedHashMap<>();
		map.forEach((key, child) -> entries.put(String.valueOf(key), child(String.valueOf(key))));
		return entries;
	}

	Map<String, String> textEntries() {
		Map<String, String> texts = new LinkedHashMap<>();
		entries().forEach((key, child) -> texts.put(key, child.text()));
		return texts;
	}

	Map<String, String> textEntriesOrEmpty() {
		return isPresent() ? textEntries() : Map.of();
	}

	List<String> texts() {
		return items().stream().map(YamlNode::text).toList();
	}

	String origin() {
		return this.origin;
	}

	/** The parsed value as SnakeYAML gave it: a map, a list, a scalar or null. */
	Object value() {
		return this.value;
	}

	String describePath() {
		return this.path.isEmpty() ? "the document" : this.path;
	}

	private YamlNode child(String key) {
		Object child = (this.value instanceof Map<?, ?> map) ? map.get(key) : null;
		return new YamlNode(this.origin, this.path.isEmpty() ? key : this.path + "." + key, child);
	}

	@Override
	public String toString() {
		return this.origin + " " + describePath() + " = " + this.value;
	}

}
