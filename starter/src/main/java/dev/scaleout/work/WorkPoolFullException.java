package dev.scaleout.work;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The {@link WorkPool} refused a task because it is full. Spring MVC and WebFlux answer it as 503 Service
 * Unavailable, {@code application/problem+json}, with {@code Retry-After}.
 */
public class WorkPoolFullException extends ErrorResponseException {

	WorkPoolFullException(int threads, int queue, Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(threads, queue), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem(int threads, int queue) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setTitle("Overloaded");
		problem.setDetail("The work pool is full (" + threads + " running, " + queue
				+ " waiting); retry after the time in Retry-After.");
		return problem;
	}

}
