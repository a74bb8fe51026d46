package dev.scaleout.session;

import org.springframework.util.Assert;

/**
 * Where the sessions of a namespace live in Redis: Spring Session's {@code <namespace>:sessions:<id>} hashes, and a
 * set of session ids per principal, {@code <namespace>:index:<principal name>}.
 *
 * @param namespace the namespace, e.g. {@code spring:session}
 */
record SessionKeys(String namespace) {

	/**
	 * Spring Session's default namespace.
	 */
	static final SessionKeys DEFAULT = new SessionKeys("spring:session");

	SessionKeys {
		Assert.hasText(namespace, "namespace must not be empty");
		namespace = namespace.trim();
	}

	String session(String sessionId) {
		return this.namespace + ":sessions:" + sessionId;
	}

	String principalIndex(String principalName) {
		return this.namespace + ":index:" + principalName;
	}

}
