package dev.scaleout.gateway.balancing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The backends a request has already been sent to, kept in an exchange attribute so that
 * a retry goes to a different backend.
 */
public final class TriedBackends {

	/** Exchange attribute holding the set of tried backends. */
	public static final String ATTRIBUTE = TriedBackends.class.getName();

	private TriedBackends() {
	}

	/**
	 * The tried backends of an exchange, created on first use.
	 * @param exchange the exchange
	 * @return the mutable set
	 */
	@SuppressWarnings("unchecked")
	public static Set<ServiceInstance> of(ServerWebExchange exchange) {
		return (Set<ServiceInstance>) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, (key) -> new HashSet<>());
	}

	@SuppressWarnings("unchecked")
	static Set<ServiceInstance> of(Request<?> request) {
		if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
			Map<String, Object> attributes = context.getClientRequest().getAttributes();
			Object tried = (attributes != null) ? attributes.get(ATTRIBUTE) : null;
			if (tried instanceof Set) {
				return (Set<ServiceInstance>) tried;
			}
		}
		return Set.of();
	}

}
