package dev.scaleout.gateway.discovery;

import java.util.List;

/**
 * The replicas currently known to the gateway, whatever their health. Static
 * configuration gives a fixed pool; DNS discovery replaces it as records change.
 */
@FunctionalInterface
public interface BackendPool {

	/**
	 * The backends known right now, in a stable order.
	 * @return an immutable snapshot, possibly empty
	 */
	List<Backend> backends();

}
