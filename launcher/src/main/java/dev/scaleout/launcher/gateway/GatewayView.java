package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.launcher.LoopbackHttp;

/**
 * What the gateway says of its backends, from its {@code GET /actuator/backends}: each
 * backend's base URL and state ({@code UP}, {@code STARTING}, {@code DOWN},
 * {@code EJECTED}).
 */
public final class GatewayView {

	private static final Pattern BACKEND = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"state\"\\s*:\\s*\"(\\w+)\"");

	private final String baseUrl;

	GatewayView(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The gateway's backends now.
	 * @return base URL to state, in the gateway's order
	 * @throws IOException when the gateway does not answer
	 */
	public Map<String, String> backends() throws IOException {
		var response = LoopbackHttp.get(this.baseUrl + "/actuator/backends", Duration.ofSeconds(2));
		if (response.statusCode() != 200) {
			throw new IOException("GET /actuator/backends answered " + response.statusCode());
		}
		return parse(response.body());
	}

	public static Map<String, String> parse(String json) {
		Map<String, String> backends = new LinkedHashMap<>();
		Matcher matcher = BACKEND.matcher(json);
		while (matcher.find()) {
			backends.put(matcher.group(1), matcher.group(2));
		}
		return backends;
	}

	/**
	 * Whether the gateway sends traffic to a backend.
	 * @param url its base URL
	 * @return {@code true} when it is listed UP or STARTING
	 */
	public boolean routesTo(String url) {
		try {
			String state = backends().get(url);
			return "UP".equals(state) || "STARTING".equals(state);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether the gateway still knows a backend at all.
	 * @param url its base URL
	 * @return {@code true} when it is listed, whatever its state, or the gateway cannot tell
	 */
	public boolean knows(String url) {
		try {
			return backends().containsKey(url);
		}
		catch (IOException ex) {
			return true;
		}
	}

}
