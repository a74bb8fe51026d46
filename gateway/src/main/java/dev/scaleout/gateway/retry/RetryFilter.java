package dev.scaleout.gateway.retry;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.balancing.BackendChoiceFilter;
import dev.scaleout.gateway.balancing.TriedBackends;
import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.routing.MessageBody;
import dev.scaleout.gateway.routing.PerTryTimeout;
import dev.scaleout.gateway.stats.CallOutcome;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

/**
 * Retries a request on a <em>different</em> backend, if attempts remain, another backend
 * is available and the {@link RetryBudget} allows it: any request whose backend refused
 * the connection, whatever its method, since nothing of it was sent; a request of an
 * idempotent method also when it was reset, got a 502 or 503, or did not answer within the
 * {@link PerTryTimeout per-try timeout}. Runs before the
 * {@link BackendChoiceFilter backend choice} so that each attempt is balanced afresh. Requests whose body cannot be
 * replayed are sent once.
 */
final class RetryFilter implements GlobalFilter, Ordered {

	/** Before the backend choice, inside the answer to an unavailable backend. */
	static final int ORDER = (RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + BackendChoiceFilter.ORDER) / 2;

	private final RetryProperties properties;

	private final Set<String> methods;

	private final RetryBudget budget;

	/** The per-try timeout, if it is shorter than the response timeout; else zero. */
	private final Duration perTryTimeout;

	private final AvailableBackends available;

	private final Counter retries;

	private final Counter denied;

	RetryFilter(RetryProperties properties, Duration responseTimeout, RetryBudget budget,
			AvailableBackends available, MeterRegistry registry) {
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
		Mono<Void> attempts = !MessageBody.isPresent(exchange.getRequest())
				// nothing to replay: the routing filter sends no body
				? attempt(exchange, chain, idempotent, 0)
				: ReplayableBody.of(exchange).flatMap((replayable) -> attempt(replayable, chain, idempotent, 0));
		return (idempotent && !this.perTryTimeout.isZero()) ? PerTryTimeout.limit(attempts, this.perTryTimeout)
				: attempts;
	}

	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, boolean idempotent, int retried) {
		return chain.filter(exchange)
			.then(Mono.fromCallable(() -> Attempt.SUCCEEDED))
			.onErrorResume((failure) -> Mono.just(new Attempt(failure)))
			.flatMap((attempt) -> afterAttempt(attempt, exchange, chain, idempotent, retried));
	}

	private Mono<Void> afterAttempt(Attempt attempt, ServerWebExchange exchange, GatewayFilterChain chain,
			boolean idempotent, int retried) {
		if (retried >= this.properties.attempts() || exchange.getResponse().isCommitted()
				|| !isRetryable(attempt, exchange, idempotent)) {
			return attempt.result();
		}
		Set<Backend> tried = TriedBackends.of(exchange);
		Response<ServiceInstance> chosen = exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen != null && chosen.getServer() instanceof Backend backend) {
			tried.add(backend);
		}
		if (!hasUntriedBackend(tried)) {
			return attempt.result();
		}
		if (!this.budget.tryAcquireRetry()) {
			this.denied.increment();
			return attempt.result();
		}
		this.retries.increment();
		forgetAttempt(exchange);
		exchange.getAttributes().remove(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		exchange.getAttributes().remove(GATEWAY_REQUEST_URL_ATTR);
		return attempt(exchange, chain, idempotent, retried + 1);
	}

	/**
	 * Takes back the headers the failed attempt's backend put on the response (those the
	 * routing filter copied: every one of its response's names), so that the next attempt
	 * starts clean, and lets the request be routed again.
	 */
	private static void forgetAttempt(ServerWebExchange exchange) {
		HttpClientResponse answered = exchange.getAttribute(CLIENT_RESPONSE_ATTR);
		if (answered != null && !exchange.getResponse().isCommitted()) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			for (String name : answered.responseHeaders().names()) {
				headers.remove(name);
			}
		}
		exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
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

	private boolean hasUntriedBackend(Set<Backend> tried) {
		for (Backend backend : this.available.current()) {
			if (!tried.contains(backend)) {
				return true;
			}
		}
		return false;
	}

	private record Attempt(Throwable failure) {

		static final Attempt SUCCEEDED = new Attempt(null);

		Mono<Void> result() {
			return (this.failure != null) ? Mono.error(this.failure) : Mono.empty();
		}

	}

}
