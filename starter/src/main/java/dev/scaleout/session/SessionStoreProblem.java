package dev.scaleout.session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The 503 problem that the servlet and WebFlux filters answer when the session store is
 * unavailable: one text, one format, neither filter's classes needed by the other's stack.
 */
final class SessionStoreProblem {

	/** The detail of the problem. */
	static final String UNAVAILABLE_DETAIL = "The session store is unavailable; retry after the time in Retry-After.";

	/** The WARN line logged once per outage. */
	static final String OUTAGE = "Session store (Redis) unavailable, answering 503 to requests that need a session";

	private static final JsonMapper json = JsonMapper.builder().build();

	private SessionStoreProblem() {
	}

	/**
	 * The Retry-After value: whole seconds, at least one.
	 * @param retryAfter the configured time
	 * @return the header's value
	 */
	static String retryAfterSeconds(Duration retryAfter) {
		return String.valueOf(Math.max(1, retryAfter.toSeconds()));
	}

	/**
	 * The problem document of a 503.
	 * @param path the request's path
	 * @param title the title
	 * @param detail the detail
	 * @return the JSON text
	 */
	static String json(String path, @Nullable String title, @Nullable String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		problem.put("detail", detail);
		problem.put("instance", path);
		return json.writeValueAsString(problem);
	}

}
