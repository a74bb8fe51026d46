package dev.scaleout.gateway.stats;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.discovery.Backend;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

/**
 * Runs right after the load balancer has chosen a backend and measures the call: counts
 * it in flight until the response headers arrive, records latency and outcome, and tells
 * the {@link BackendCallListener listeners}. Each retry attempt is observed separately.
 */
public final class BackendCallObserver implements GlobalFilter, Ordered {

	/** Right after {@link ReactiveLoadBalancerClientFilter} has chosen the backend. */
	public static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;

	private final BackendStats stats;

	private final List<BackendCallListener> listeners;

	/**
	 * Creates an observer.
	 * @param stats the per-backend meters
	 * @param listeners told of every finished call
	 */
	public BackendCallObserver(BackendStats stats, List<BackendCallListener> listeners) {
		this.stats = stats;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Response<ServiceInstance> chosen = exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen == null || !(chosen.getServer() instanceof Backend backend)) {
			return chain.filter(exchange);
		}
		BackendMeter meter = this.stats.meter(backend);
		long start = meter.started();
		return chain.filter(exchange)
			.doOnSuccess((done) -> finished(backend, meter, start, outcome(exchange)))
			.doOnError((failure) -> finished(backend, meter, start, CallOutcome.of(failure)))
			.doOnCancel(meter::abandoned);
	}

	private CallOutcome outcome(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (exchange.getAttribute(CLIENT_RESPONSE_ATTR) == null || status == null) {
			return CallOutcome.ERROR;
		}
		return CallOutcome.of(status.value(), exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER));
	}

	private void finished(Backend backend, BackendMeter meter, long start, CallOutcome outcome) {
		meter.finished(start, outcome);
		for (BackendCallListener listener : this.listeners) {
			listener.onCall(backend, outcome);
		}
	}

}
