package dev.scaleout.gateway.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Parses {@code scaleout.gateway.backends}: comma-separated base URLs, each optionally
 * followed by {@code ;weight=N} (for example {@code http://10.0.0.5:8080;weight=3}).
 */
final class BackendAddresses {

	static final String PROPERTY = "scaleout.gateway.backends";

	private static final String WEIGHT_PREFIX = "weight=";

	private BackendAddresses() {
	}

	static List<Backend> parse(List<String> values) {
		List<Backend> backends = new ArrayList<>(values.size());
		for (String value : values) {
			if (StringUtils.hasText(value)) {
				Backend backend = parse(value.trim());
				if (backends.contains(backend)) {
					throw invalid(value, "the same backend is listed twice; give it a weight instead");
				}
				backends.add(backend);
			}
		}
		return List.copyOf(backends);
	}

	private static Backend parse(String value) {
		String[] parts = value.split(";", -1);
		URI uri = baseUrl(value, parts[0].trim());
		int weight = 1;
		for (int i = 1; i < parts.length; i++) {
			weight = weight(value, parts[i].trim());
		}
		return new Backend(uri, weight);
	}

	private static URI baseUrl(String value, String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw invalid(value, "it is not a URL (" + ex.getReason() + "); use http://host:port");
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw invalid(value, "the scheme must be http or https; use http://host:port");
		}
		if (uri.getHost() == null) {
			throw invalid(value, "it has no host; use http://host:port");
		}
		if (StringUtils.hasLength(uri.getPath()) && !"/".equals(uri.getPath()) || uri.getQuery() != null) {
			throw invalid(value, "a backend is a base URL without path or query; use http://host:port");
		}
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
	}

	private static int weight(String value, String option) {
		if (!option.startsWith(WEIGHT_PREFIX)) {
			throw invalid(value, "the only option after ';' is weight=N");
		}
		try {
			int weight = Integer.parseInt(option.substring(WEIGHT_PREFIX.length()));
			if (weight >= 1) {
				return weight;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the accepted range
		}
		throw invalid(value, "the weight must be a whole number of at least 1");
	}

	private static InvalidConfigurationPropertyValueException invalid(String value, String reason) {
		return new InvalidConfigurationPropertyValueException(PROPERTY, value, "'" + value + "': " + reason);
	}

}
