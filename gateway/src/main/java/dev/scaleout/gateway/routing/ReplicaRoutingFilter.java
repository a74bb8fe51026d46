package dev.scaleout.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's {@link NettyRoutingFilter} for the replica route, without two
 * costs the stock filter pays on every request:
 * <ul>
 * <li>it copies the whole {@link HttpClient} configuration to apply the route's connect
 * timeout, which the shared client already has (the replica route carries no per-route
 * timeouts);</li>
 * <li>it times the response with {@code Flux.timeout} on Reactor's parallel scheduler,
 * which schedules and cancels a task in a lock-guarded delay queue per request. Here the
 * same limit — from the request to the response headers — is a
 * {@link ReadTimeoutHandler} on the connection's own event loop, removed when the headers
 * arrive; it answers 504 like the stock filter. A {@link PerTryTimeout} shorter than the
 * response timeout takes its place for that request.</li>
 * </ul>
 */
final class ReplicaRoutingFilter extends NettyRoutingFilter {

	private static final String RESPONSE_TIMEOUT_HANDLER = "scaleout.responseTimeout";

	/** The Reactor context key of a request's own limit, when a {@link PerTryTimeout} is shorter. */
	private static final String TIMEOUT_MILLIS = "scaleout.responseTimeoutMillis";

	private final HttpClient httpClient;

	private final Duration responseTimeout;

	private ReplicaRoutingFilter(HttpClient timedClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties, Duration responseTimeout) {
		super(timedClient, headersFilters, properties);
		this.httpClient = timedClient;
		this.responseTimeout = responseTimeout;
	}

	/**
	 * Creates the filter.
	 * @param httpClient the gateway's shared HTTP client
	 * @param headersFilters the header filters to run on requests and responses
	 * @param properties the HTTP client properties; their response timeout must be unset,
	 * or the stock code would apply it a second time
	 * @param responseTimeout how long a backend may take to send its response headers;
	 * zero waits forever
	 * @return the filter
	 */
	static ReplicaRoutingFilter create(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties, Duration responseTimeout) {
		if (properties.getResponseTimeout() != null) {
			throw new IllegalArgumentException("The response timeout is the routing filter's, not the HTTP client's");
		}
		return new ReplicaRoutingFilter(timed(httpClient, responseTimeout), headersFilters, properties,
				responseTimeout);
	}

	private static HttpClient timed(HttpClient httpClient, Duration responseTimeout) {
		long defaultMillis = responseTimeout.toMillis();
		return httpClient.doOnRequest((request, connection) -> {
			long millis = request.currentContextView().getOrDefault(TIMEOUT_MILLIS, defaultMillis);
			if (millis > 0) {
				connection.addHandlerFirst(RESPONSE_TIMEOUT_HANDLER, new ReadTimeoutHandler(millis, TimeUnit.MILLISECONDS));
			}
		}).doOnResponse((response, connection) -> connection.removeHandler(RESPONSE_TIMEOUT_HANDLER));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Duration timeout = timeout(exchange);
		Mono<Void> routed = super.filter(exchange, chain)
			.onErrorMap(ReadTimeoutException.class, (timedOut) -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
					"Response took longer than timeout: " + timeout, timedOut));
		return (timeout == this.responseTimeout) ? routed
				: routed.contextWrite(Context.of(TIMEOUT_MILLIS, timeout.toMillis()));
	}

	private Duration timeout(ServerWebExchange exchange) {
		Duration perTry = PerTryTimeout.of(exchange);
		if (perTry == null || perTry.isZero()
				|| (!this.responseTimeout.isZero() && perTry.compareTo(this.responseTimeout) >= 0)) {
			return this.responseTimeout;
		}
		return perTry;
	}

	@Override
	protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
		return this.httpClient;
	}

}
