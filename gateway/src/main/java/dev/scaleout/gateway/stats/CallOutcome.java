package dev.scaleout.gateway.stats;

import java.io.IOException;
import java.net.ConnectException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * How one call to a backend ended, as far as balancing, ejection and retries care.
 */
public enum CallOutcome {

	/** The backend answered with a status below 500. */
	SUCCESS,

	/** The backend answered with a 5xx status. */
	SERVER_ERROR,

	/** The connection could not be opened: nothing was sent. */
	CONNECT_FAILURE,

	/** The connection broke after the request started: the backend may have seen it. */
	RESET,

	/** The backend did not answer within the response timeout. */
	TIMEOUT,

	/** Any other failure. */
	ERROR;

	/**
	 * Whether this outcome counts against the backend's health.
	 * @return {@code true} for every outcome but {@link #SUCCESS}
	 */
	public boolean isFailure() {
		return this != SUCCESS;
	}

	/**
	 * The outcome of a call that completed with a response status.
	 * @param status the status code
	 * @return {@link #SERVER_ERROR} for 5xx, else {@link #SUCCESS}
	 */
	public static CallOutcome of(int status) {
		return (status >= 500) ? SERVER_ERROR : SUCCESS;
	}

	/**
	 * The outcome of a call that failed with an exception.
	 * @param failure the exception
	 * @return the matching outcome
	 */
	public static CallOutcome of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return CONNECT_FAILURE;
			}
			if (cause instanceof ResponseStatusException status
					&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return TIMEOUT;
			}
			if (cause instanceof IOException) {
				return RESET;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ERROR;
	}

}
