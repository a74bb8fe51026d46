package dev.scaleout.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Spring Boot's error controller, which renders the errors that reach the servlet container ({@code sendError} from a
 * filter such as Spring Security's CSRF check, a request Tomcat cannot parse), with an RFC 9457
 * {@code application/problem+json} body for API clients instead of Boot's own JSON. Browsers still get the HTML
 * error page.
 */
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
			List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorProperties, errorViewResolvers);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
	}

	/**
	 * The problem details of a status, as Spring writes them for its own exceptions.
	 */
	static Map<String, Object> problem(HttpStatus status, @Nullable Object instance) {
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
	 * What a status means here, without the container's message, which may show internals.
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
