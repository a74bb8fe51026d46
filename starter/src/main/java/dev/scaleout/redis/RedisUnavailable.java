package dev.scaleout.redis;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.util.ClassUtils;

/**
 * Tells a Redis outage — refused or lost connection, timeout, command rejected while disconnected — from other
 * Redis errors such as a command the server refused, which are bugs and must stay loud.
 */
public final class RedisUnavailable {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisException",
			RedisUnavailable.class.getClassLoader());

	private RedisUnavailable() {
	}

	/**
	 * Finds the outage in an exception's chain of causes.
	 * @param ex the exception
	 * @return the exception that says Redis is unavailable, or {@code null} when this is something else
	 */
	public static @Nullable Throwable causeOf(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof DataAccessResourceFailureException || candidate instanceof QueryTimeoutException) {
				return candidate;
			}
			if (candidate instanceof RedisSystemException && LETTUCE_PRESENT
					&& Lettuce.isConnectionFailure(candidate.getCause())) {
				return candidate;
			}
			// the reactive template passes some of Lettuce's own exceptions on untranslated
			if (LETTUCE_PRESENT && Lettuce.isConnectionFailure(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Kept apart so that Lettuce's classes are loaded only when they are present.
	 */
	private static final class Lettuce {

		static boolean isConnectionFailure(@Nullable Throwable cause) {
			// A server's error reply is a RedisCommandExecutionException; any other RedisException is the client
			// failing to reach the server, e.g. "Currently not connected. Commands are rejected."
			return cause instanceof io.lettuce.core.RedisException
					&& !(cause instanceof io.lettuce.core.RedisCommandExecutionException);
		}

	}

}
