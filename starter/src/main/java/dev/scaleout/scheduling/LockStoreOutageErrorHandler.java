package dev.scaleout.scheduling;

import dev.scaleout.redis.OutageLog;
import dev.scaleout.redis.RedisUnavailable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * While Redis is down a locked job cannot take its lock and skips its tick; that is expected, so it is logged as one
 * WARN line per outage instead of an ERROR with a stack trace every tick. Any other error is logged as Spring logs
 * it for repeating tasks.
 */
final class LockStoreOutageErrorHandler implements ErrorHandler {

	private static final Log logger = LogFactory.getLog(LockStoreOutageErrorHandler.class);

	private final OutageLog outages = new OutageLog(logger);

	@Override
	public void handleError(Throwable error) {
		Throwable outage = RedisUnavailable.causeOf(error);
		if (outage != null) {
			this.outages.warn("Scheduled jobs skip their ticks while Redis, their lock store, is unavailable", outage);
			return;
		}
		TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(error);
	}

}
