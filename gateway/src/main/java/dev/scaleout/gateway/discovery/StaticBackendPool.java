package dev.scaleout.gateway.discovery;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The replicas listed in {@code scaleout.gateway.backends}.
 */
final class StaticBackendPool implements BackendPool {

	private static final Log logger = LogFactory.getLog(StaticBackendPool.class);

	private final List<Backend> backends;

	StaticBackendPool(List<Backend> backends) {
		this.backends = List.copyOf(backends);
		if (this.backends.isEmpty()) {
			logger.warn("No backends configured: every request will be answered 503 until "
					+ BackendAddresses.PROPERTY + " lists the replicas (or scaleout.gateway.discovery=dns is used)");
		}
	}

	@Override
	public List<Backend> backends() {
		return this.backends;
	}

}
