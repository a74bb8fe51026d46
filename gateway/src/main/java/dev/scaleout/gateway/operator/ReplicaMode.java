package dev.scaleout.gateway.operator;

import java.util.Locale;

/**
 * What an operator allows a replica to receive, as HAProxy's {@code set server … state}.
 */
public enum ReplicaMode {

	/** In rotation: the replica receives its share when it is healthy. */
	READY,

	/**
	 * No new requests; those in flight finish. Health checks go on, so the console shows
	 * whether the replica could come back.
	 */
	DRAIN,

	/** Out of rotation for maintenance: no requests and no health checks. */
	MAINT;

	/**
	 * The mode's name as the admin API spells it.
	 * @return {@code ready}, {@code drain} or {@code maint}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a replica in this mode receives new requests.
	 * @return true for {@link #READY} only
	 */
	public boolean inRotation() {
		return this == READY;
	}

}
