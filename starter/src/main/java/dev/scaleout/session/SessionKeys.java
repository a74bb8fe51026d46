package dev.scaleout.session;

import org.springframework.util.Assert;

/**
 * Where the sessions of a namespace live in Redis: Spring Session's {@code <namespace>:sessions:<id>} hashes, a
 * set of session ids per principal, {@code <namespace>:index:<principal name>}, and a lock per session,
 * {@code {<namespace>:sessions:<id>}:lock}.
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

	/**
	 * The key of a session's lock, in the same Redis Cluster slot as the session's key (the session's key is the
	 * lock's hash tag), so that one script may touch both.
	 * @param sessionId the session's id
	 * @return the key
	 */
	String lock(String sessionId) {
		String session = session(sessionId);
		int open = session.indexOf('{');
		boolean hasHashTag = open != -1 && session.indexOf('}', open + 1) > open + 1;
		return hasHashTag ? session + ":lock" : "{" + session + "}:lock";
	}

	String principalIndex(String principalName) {
		return this.namespace + ":index:" + principalName;
	}

}
