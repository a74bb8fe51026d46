package dev.scaleout.gateway.retry;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.balancing.TriedBackends;
import dev.scaleout.gateway.routing.PerTryTimeout;
import dev.scaleout.gateway.stats.CallOutcome;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

/**
 * Retries a request on a <em>different</em> backend, if attempts remain, another backend
 * is available and the {@link RetryBudget} allows it: any request whose backend refused
 * the connection, whatever its method, since nothing of it was sent; a request of an
 * idempotent method also when it was reset, got a 502 or 503, or did not answer within the
 * {@link PerTryTimeout per-try timeout}. Runs before the load
 * balancer so that each attempt is balanced afresh. Requests whose body cannot be
 * replayed are sent once.
 */
final class RetryFilter implements GlobalFilter, Ordered {

	/** After the route has set the {@code lb://} URL, before the load balancer. */
	static final int ORDER = (RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER
			+ ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER) / 2;

	private final RetryProperties properties;

	private final Set<String> methods;

	private final RetryBudget budget;

	/** The per-try timeout, if it is shorter than the response timeout; else zero. */
	private final Duration perTryTimeout;

	private final ServiceInstanceListSupplier available;

	private final Counter retries;

	private final Counter denied;

	RetryFilter(RetryProperties properties, Duration responseTimeout, RetryBudget budget,
			ServiceInstanceListSupplier available, MeterRegistry registry) {
		this.properties = properties;
		Duration perTry = properties.perTryTimeout();
		this.perTryTimeout = (!responseTimeout.isZero() && perTry.compareTo(responseTimeout) >= 0) ? Duration.ZERO
				: perTry;
		this.methods = properties.methods()
			.stream()
			.map((method) -> method.trim().toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.budget = budget;
		this.available = available;
		this.retries = Counter.builder("scaleout.gateway.retries")
			.description("Requests retried on another backend")
			.register(registry);
		this.denied = Counter.builder("scaleout.gateway.retries.denied")
			.description("Retries refused because the retry budget was spent")
			.register(registry);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		this.budget.recordRequest();
		if (this.properties.attempts() == 0 || !ReplayableBody.isReplayable(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		boolean idempotent = this.methods.contains(exchange.getRequest().getMethod().name());
		if (idempotent && !this.perTryTimeout.isZero()) {
			PerTryTimeout.set(exchange, this.perTryTimeout);
		}
		URI target = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
		return ReplayableBody.of(exchange).flatMap((replayable) -> attempt(replayable, chain, target, idempotent, 0));
	}

	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, URI target, boolean idempotent,
			int retried) {
		return chain.filter(exchange)
			.then(Mono.fromCallable(() -> Attempt.SUCCEEDED))
			.onErrorResume((failure) -> Mono.just(new Attempt(failure)))
			.flatMap((attempt) -> afterAttempt(attempt, exchange, chain, target, idempotent, retried));
	}

	private Mono<Void> afterAttempt(Attempt attempt, ServerWebExchange exchange, GatewayFilterChain chain, URI target,
			boolean idempotent, int retried) {
		if (retried >= this.properties.attempts() || exchange.getResponse().isCommitted()
				|| !isRetryable(attempt, exchange, idempotent)) {
			return attempt.result();
		}
		Set<ServiceInstance> tried = TriedBackends.of(exchange);
		Response<ServiceInstance> chosen = exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen != null && chosen.hasServer()) {
			tried.add(chosen.getServer());
		}
		return hasUntriedBackend(tried).flatMap((untried) -> {
			if (!untried) {
				return attempt.result();
			}
			if (!this.budget.tryAcquireRetry()) {
				this.denied.increment();
				return attempt.result();
			}
			this.retries.increment();
			ServerWebExchangeUtils.reset(exchange);
			exchange.getAttributes().remove(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
			exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
			return attempt(exchange, chain, target, idempotent, retried + 1);
		});
	}

	private boolean isRetryable(Attempt attempt, ServerWebExchange exchange, boolean idempotent) {
		if (attempt.failure() != null) {
			CallOutcome outcome = CallOutcome.of(attempt.failure());
			// a refused connection sent nothing: safe to send again whatever the method
			return outcome == CallOutcome.CONNECT_FAILURE || (idempotent && (outcome == CallOutcome.RESET
					|| (outcome == CallOutcome.TIMEOUT && !this.perTryTimeout.isZero())));
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return idempotent && exchange.getAttribute(CLIENT_RESPONSE_ATTR) != null && status != null
				&& (status.value() == 502 || status.value() == 503);
	}

	private Mono<Boolean> hasUntriedBackend(Set<ServiceInstance> tried) {
		return this.available.get()
			.next()
			.map((instances) -> instances.stream().anyMatch((instance) -> !tried.contains(instance)))
			.defaultIfEmpty(false);
	}

	private record Attempt(Throwable failure) {

		static final Attempt SUCCEEDED = new Attempt(null);

		Mono<Void> result() {
			return (this.failure != null) ? Mono.error(this.failure) : Mono.empty();
		}

	}

}
