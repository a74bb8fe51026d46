package dev.scaleout.instance;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Names this replica on every response of a WebFlux app, before anything can commit it: the
 * reactive twin of {@link InstanceIdFilter}. The instance id is in every log line through
 * the logging pattern already, so nothing is put in the Reactor context.
 */
final class InstanceIdWebFilter implements WebFilter, Ordered {

	private final String headerName;

	private final String instanceId;

	InstanceIdWebFilter(InstanceId instanceId, String headerName) {
		this.headerName = headerName;
		this.instanceId = instanceId.value();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().getHeaders().set(this.headerName, this.instanceId);
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
