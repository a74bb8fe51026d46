package dev.scaleout.gateway.health;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.discovery.Backend;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

/**
 * Takes a backend out of rotation at the first response that carries {@value #HEADER}, which
 * a replica on the Scaleout starter sends on every response while it drains before shutting
 * down: readiness probes would need {@code fall} intervals to notice, during which requests
 * keep arriving at a replica about to close its port. The backend turns DOWN as if it had
 * failed its probes, and the probes bring it back UP should it serve again. Runs on the
 * response headers, before the body is relayed, and keeps the header from the client.
 */
final class DrainingBackendFilter implements HttpHeadersFilter, Ordered {

	/**
	 * The response header by which a replica says it is shutting down.
	 */
	static final String HEADER = "Scaleout-Draining";

	private static final Log logger = LogFactory.getLog(DrainingBackendFilter.class);

	private final BackendHealth health;

	private final List<BackendHealthListener> listeners;

	DrainingBackendFilter(BackendHealth health, List<BackendHealthListener> listeners) {
		this.health = health;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		if (!input.containsHeader(HEADER)) {
			return input;
		}
		input.remove(HEADER);
		Response<ServiceInstance> chosen = exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen != null && chosen.getServer() instanceof Backend backend && this.health.draining(backend)) {
			logger.info("Backend " + backend + " is DOWN: it is shutting down (its response carried " + HEADER
					+ "); health checks bring it back UP should it serve again");
			this.listeners.forEach((listener) -> listener.onHealthChange(backend, false));
		}
		return input;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
