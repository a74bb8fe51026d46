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

	/**
	 * The backend answered 500 or another 5xx that is not a gateway error: the application's
	 * own error, which one user's requests can cause on a healthy replica.
	 */
	SERVER_ERROR,

	/**
	 * The backend answered 502 or 504, or 503 without {@code Retry-After}: it could not reach
	 * what it depends on or is failing as a whole.
	 */
	GATEWAY_ERROR,

	/**
	 * The backend answered 503 with {@code Retry-After}: it is shedding load on purpose and
	 * says when to come back.
	 */
	SHEDDING_LOAD,

	/** The connection could not be opened: nothing was sent. */
	CONNECT_FAILURE,

	/** The connection broke after the request started: the backend may have seen it. */
	RESET,

	/** The backend did not answer within the response timeout. */
	TIMEOUT,

	/** Any other failure. */
	ERROR;

	/**
	 * Whether this outcome is counted as a failed call in the backend's meters.
	 * @return {@code true} for every outcome but {@link #SUCCESS}
	 */
	public boolean isFailure() {
		return this != SUCCESS;
	}

	/**
	 * Whether this outcome is a gateway-class failure, as Envoy's consecutive gateway failure
	 * counts them: a connect failure, reset, timeout, 502, 504 or a 503 without
	 * {@code Retry-After}. Only these eject a backend. A 500 is the application's answer to
	 * one request and a 503 with {@code Retry-After} is deliberate load shedding: ejecting a
	 * replica for either would move one user's bug or a load peak onto the other replicas.
	 * @return {@code true} for a gateway-class failure
	 */
	public boolean isGatewayFailure() {
		return this == GATEWAY_ERROR || this == CONNECT_FAILURE || this == RESET || this == TIMEOUT;
	}

	/**
	 * The outcome of a call that completed with a response status.
	 * @param status the status code
	 * @param retryAfter whether the response carries {@code Retry-After}
	 * @return the matching outcome
	 */
	public static CallOutcome of(int status, boolean retryAfter) {
		if (status < 500) {
			return SUCCESS;
		}
		if (status == 503) {
			return retryAfter ? SHEDDING_LOAD : GATEWAY_ERROR;
		}
		return (status == 502 || status == 504) ? GATEWAY_ERROR : SERVER_ERROR;
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
