package dev.scaleout.gateway.operator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An operator's decision about one replica.
 *
 * @param mode what the replica may receive
 * @param weight the runtime weight that replaces the configured one, or null for the
 * configured weight
 * @param changedAt when it was last changed
 * @param changedBy who changed it: the client address of the admin request
 */
public record OperatorSetting(ReplicaMode mode, @Nullable Integer weight, Instant changedAt, String changedBy) {

	/** The lowest runtime weight. */
	public static final int MIN_WEIGHT = 1;

	/** The highest runtime weight. */
	public static final int MAX_WEIGHT = 1000;

	/**
	 * The setting of a replica nobody changed.
	 */
	static final OperatorSetting NONE = new OperatorSetting(ReplicaMode.READY, null, Instant.EPOCH, "");

}
