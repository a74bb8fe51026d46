package dev.scaleout.session;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request waited for its session's lock ({@code scaleout.session.lock.*}) longer than the lock's timeout: other
 * requests of the same session were still running. Answered as 503 Service Unavailable,
 * {@code application/problem+json}, with {@code Retry-After}: by Spring MVC when a handler asked for the session,
 * by {@link SessionStoreUnavailableFilter} when a filter did.
 */
public class SessionLockTimeoutException extends ErrorResponseException {

	SessionLockTimeoutException(Duration waited, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(waited), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem(Duration waited) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setTitle("Session Busy");
		problem.setDetail("Other requests of this session were still running after " + waited.toMillis()
				+ " ms; retry after the time in Retry-After.");
		return problem;
	}

}
