package dev.scaleout.session;

import java.time.Duration;

import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.UuidSessionIdGenerator;
import org.springframework.util.Assert;

/**
 * What the servlet and the reactive repository configure alike, and their sessions follow.
 *
 * @param keys where the sessions live
 * @param defaultMaxInactiveInterval the timeout of a new session
 * @param saveMode which attributes a save writes
 * @param touchInterval how long after the last written access an access is written again (see
 * {@link RedisSession#setLastAccessedTime})
 * @param sessionIdGenerator the ids of new sessions and of changed ids
 */
record SessionSettings(SessionKeys keys, Duration defaultMaxInactiveInterval, SaveMode saveMode,
		Duration touchInterval, SessionIdGenerator sessionIdGenerator) {

	/**
	 * Spring Session's defaults, and no touch interval.
	 */
	static final SessionSettings DEFAULT = new SessionSettings(SessionKeys.DEFAULT,
			Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS), SaveMode.ON_SET_ATTRIBUTE,
			Duration.ZERO, UuidSessionIdGenerator.getInstance());

	SessionSettings {
		Assert.notNull(keys, "keys must not be null");
		Assert.notNull(defaultMaxInactiveInterval, "defaultMaxInactiveInterval must not be null");
		Assert.notNull(saveMode, "saveMode must not be null");
		Assert.notNull(touchInterval, "touchInterval must not be null");
		Assert.isTrue(!touchInterval.isNegative(), "touchInterval must not be negative");
		Assert.notNull(sessionIdGenerator, "sessionIdGenerator cannot be null");
	}

	SessionSettings withKeys(SessionKeys keys) {
		return new SessionSettings(keys, this.defaultMaxInactiveInterval, this.saveMode, this.touchInterval,
				this.sessionIdGenerator);
	}

	SessionSettings withDefaultMaxInactiveInterval(Duration interval) {
		return new SessionSettings(this.keys, interval, this.saveMode, this.touchInterval, this.sessionIdGenerator);
	}

	SessionSettings withSaveMode(SaveMode saveMode) {
		return new SessionSettings(this.keys, this.defaultMaxInactiveInterval, saveMode, this.touchInterval,
				this.sessionIdGenerator);
	}

	SessionSettings withTouchInterval(Duration touchInterval) {
		return new SessionSettings(this.keys, this.defaultMaxInactiveInterval, this.saveMode, touchInterval,
				this.sessionIdGenerator);
	}

	SessionSettings withSessionIdGenerator(SessionIdGenerator generator) {
		return new SessionSettings(this.keys, this.defaultMaxInactiveInterval, this.saveMode, this.touchInterval,
				generator);
	}

	/**
	 * A session that was never written, with this timeout and a new id.
	 * @return its state
	 */
	MapSession newSession() {
		MapSession session = new MapSession(this.sessionIdGenerator);
		session.setMaxInactiveInterval(this.defaultMaxInactiveInterval);
		return session;
	}

}
