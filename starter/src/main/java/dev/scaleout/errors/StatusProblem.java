package dev.scaleout.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem details of an error known only by its status — one the servlet container, Tomcat or the
 * WebFlux error handling meets without an exception of Spring's that carries its own — written as Spring writes
 * them for its own exceptions, and the same on every web stack.
 */
final class StatusProblem {

	private StatusProblem() {
	}

	/**
	 * The problem details of a status.
	 * @param status the status of the response
	 * @param instance the path of the request, when known
	 * @return the fields of the problem, in the order Spring writes them
	 */
	static Map<String, Object> of(HttpStatus status, @Nullable Object instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status));
		if (instance != null) {
			problem.put("instance", instance.toString());
		}
		return problem;
	}

	/**
	 * What a status means here, without the server's message or the exception's, which may show internals.
	 */
	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be read: its path, query or body is malformed, such as an "
					+ "encoded slash or invalid UTF-8.";
			case FORBIDDEN -> "The request was refused: a change requested from another site, or not allowed.";
			case CONTENT_TOO_LARGE -> "The request body is larger than this server accepts.";
			default -> status.getReasonPhrase() + ".";
		};
	}

}
