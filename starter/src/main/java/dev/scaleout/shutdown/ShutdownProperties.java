package dev.scaleout.shutdown;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * How a replica leaves the pool when it is told to stop.
 *
 * @param drainDelay how long the replica keeps serving after readiness turns {@code REFUSING_TRAFFIC} and before
 * graceful shutdown begins: time for load balancers and the gateway to notice and stop sending new requests. Zero
 * by default; in Kubernetes set it above the readiness probe's period times its failure threshold. Every response
 * during the drain carries Scaleout-Draining: true and Connection: close, by which the Scaleout gateway stops
 * sending new requests at the first one, without waiting for its probes.
 * @param parentPid the process id of the supervisor that started this replica, if any: when that process exits,
 * however it exits, the replica shuts down gracefully too instead of living on as an orphan. {@code ./scaleout up}
 * sets it.
 */
@ConfigurationProperties("scaleout.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drainDelay, @Nullable Long parentPid) {

	public ShutdownProperties {
		if (drainDelay.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("scaleout.shutdown.drain-delay", drainDelay,
					"The drain delay must be zero or positive, for example 5s.");
		}
		if (parentPid != null && parentPid <= 0) {
			throw new InvalidConfigurationPropertyValueException("scaleout.shutdown.parent-pid", parentPid,
					"A process id is a positive number.");
		}
	}

}
