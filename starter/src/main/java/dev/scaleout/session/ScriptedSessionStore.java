package dev.scaleout.session;

import java.time.Duration;

import org.springframework.session.SaveMode;
import org.springframework.session.SessionIdGenerator;
import org.springframework.util.Assert;

/**
 * What the scripted repository and its reactive twin are configured with, the same way on both: Spring Session's
 * settings (key namespace, timeout, save mode, id generator) and the starter's (touch interval, lock). Each
 * repository only keeps them; {@link SessionSettings} and {@link SessionLock} carry the rules.
 */
interface ScriptedSessionStore {

	SessionSettings settings();

	void settings(SessionSettings settings);

	/**
	 * Makes the requests of one session that may write it ({@link SessionRequest#locks(String)}) run one at a
	 * time, across replicas, servlet or WebFlux.
	 * @param lock the lock's settings
	 */
	void setLock(SessionLock lock);

	default void setRedisKeyNamespace(String namespace) {
		Assert.hasText(namespace, "namespace must not be empty");
		settings(settings().withKeys(new SessionKeys(namespace)));
	}

	default void setDefaultMaxInactiveInterval(Duration defaultMaxInactiveInterval) {
		settings(settings().withDefaultMaxInactiveInterval(defaultMaxInactiveInterval));
	}

	default void setSaveMode(SaveMode saveMode) {
		settings(settings().withSaveMode(saveMode));
	}

	default void setSessionIdGenerator(SessionIdGenerator sessionIdGenerator) {
		settings(settings().withSessionIdGenerator(sessionIdGenerator));
	}

	/**
	 * How long after the last written access an access is written again. Until then a request that changes
	 * nothing in its session writes nothing, and costs one round trip instead of two; a session expires early by
	 * at most this much, and never by more than a tenth of its timeout. Zero, the default, writes every access, as
	 * Spring Session does.
	 * @param touchInterval the interval, zero or positive
	 */
	default void setTouchInterval(Duration touchInterval) {
		settings(settings().withTouchInterval(touchInterval));
	}

}
