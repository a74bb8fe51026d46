package dev.scaleout.gateway.balancing;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.stats.BackendCallObserver;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Sends each request of the replica route ({@code lb://backends}) to one backend: the
 * {@link AvailableBackends available} ones, less those this request already tried, and
 * among them the strategy's {@link BackendChooser} picks; the request's path and query go
 * to that backend unchanged, and the {@link BackendCallObserver} measures the call.
 * Without a candidate the request fails with Spring Cloud Gateway's
 * {@link NotFoundException}, as under its own load balancer.
 * <p>
 * This one synchronous step takes the place of two of Spring Cloud Gateway's filters,
 * {@code RouteToRequestUrlFilter} and {@link ReactiveLoadBalancerClientFilter}: between
 * them they built the URL twice with {@code UriComponentsBuilder} and ran Spring Cloud
 * LoadBalancer's request, response and lifecycle objects, a reactive stream through the
 * supplier chain and a copy of the request's cookies, on every request, to decide from
 * states that are all in memory (bench/NOTES.md, section 12). The choice is published in
 * the same exchange attribute as theirs, {@code GATEWAY_LOADBALANCER_RESPONSE_ATTR}, which
 * statistics, retries and drain detection read.
 */
public final class BackendChoiceFilter implements GlobalFilter, Ordered {

	/** Where Spring Cloud Gateway's load balancer runs: after retries, before the call. */
	public static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER;

	private static final String SCHEME = "lb";

	private final AvailableBackends available;

	private final BackendChooser chooser;

	private final BackendChooser.Weights weights;

	private final BackendCallObserver observer;

	BackendChoiceFilter(AvailableBackends available, BackendChooser chooser, BackendChooser.Weights weights,
			BackendCallObserver observer) {
		this.available = available;
		this.chooser = chooser;
		this.weights = weights;
		this.observer = observer;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
		if (route == null || !SCHEME.equals(route.getUri().getScheme())) {
			return chain.filter(exchange);
		}
		Backend backend = choose(TriedBackends.sofar(exchange));
		if (backend == null) {
			return Mono.error(NotFoundException.create(false, "No backend is available for " + route.getUri().getHost()));
		}
		exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, backend.resolve(exchange.getRequest().getURI()));
		exchange.getAttributes().put(GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(backend));
		return this.observer.observe(exchange, backend, chain.filter(exchange));
	}

	private @Nullable Backend choose(Set<Backend> tried) {
		List<Backend> candidates = this.available.current();
		if (!tried.isEmpty()) {
			candidates = AvailableBackends.keep(candidates, (backend) -> !tried.contains(backend));
		}
		return candidates.isEmpty() ? null : this.chooser.choose(candidates, this.weights);
	}

}
