package dev.scaleout.errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Answers the errors Spring MVC knows (404, 405, 400, 415 and the others of {@link ResponseEntityExceptionHandler})
 * with an RFC 9457 {@code application/problem+json} body, except to a browser: a request whose preferred media type
 * is HTML gets the application's HTML error page instead, as it would without problem details.
 * <p>
 * For such a request this does what Spring's {@link DefaultHandlerExceptionResolver} does — copies the exception's
 * headers (such as {@code Allow}) and calls {@code sendError} — and returns no entity, which ends exception handling
 * with the response as it is; the servlet container then renders its error page, which Spring Boot serves from
 * {@code /error} (the application's {@code error/<status>} templates, or the white-label page).
 */
@ControllerAdvice
class BrowserAwareProblemDetails extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		HttpServletResponse response = (request instanceof ServletWebRequest servlet) ? servlet.getResponse() : null;
		String[] accept = request.getHeaderValues(HttpHeaders.ACCEPT);
		if (response == null || response.isCommitted()
				|| !HtmlPreference.prefersHtml((accept != null) ? Arrays.asList(accept) : List.of())) {
			return super.handleExceptionInternal(ex, body, headers, statusCode, request);
		}
		headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		String message = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getBody().getDetail() : null;
		try {
			if (message != null) {
				response.sendError(statusCode.value(), message);
			}
			else {
				response.sendError(statusCode.value());
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return null;
	}

}
