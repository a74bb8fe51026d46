package dev.scaleout.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;

/**
 * Sends a request to the backend chosen for it and hands the response to Spring Cloud
 * Gateway's {@code NettyWriteResponseFilter}, as the stock {@link NettyRoutingFilter} does
 * (same order, same exchange attributes for the client response and its connection),
 * without three of its costs per request:
 * <ul>
 * <li>headers: the stock filter runs the request's headers through every header filter,
 * each building a new {@code HttpHeaders}, and copies the result into Netty's, and the
 * response's the same way; here {@link ProxiedHeaders} does each in one pass, from Netty's
 * headers to Netty's. Other header filters (a draining replica's word) still see the
 * response's;</li>
 * <li>it copies the whole {@link HttpClient} configuration to apply the route's connect
 * timeout, which the shared client already has;</li>
 * <li>it times the response with {@code Flux.timeout} on Reactor's parallel scheduler,
 * which schedules and cancels a task in a lock-guarded delay queue per request. Here the
 * same limit — from the request to the response headers — is a {@link ReadTimeoutHandler}
 * on the connection's own event loop, removed when the headers arrive; it answers 504 like
 * the stock filter. A {@link PerTryTimeout} takes its place for the tries it limits.</li>
 * </ul>
 */
final class ReplicaRoutingFilter implements GlobalFilter, Ordered {

	private static final String RESPONSE_TIMEOUT_HANDLER = "scaleout.responseTimeout";

	private final HttpClient httpClient;

	private final List<HttpHeadersFilter> responseHeadersFilters;

	/**
	 * Creates the filter.
	 * @param httpClient the gateway's shared HTTP client, with its connect timeout and
	 * without a response timeout of its own
	 * @param responseHeadersFilters further filters of the response's headers
	 * @param responseTimeout how long a backend may take to send its response headers;
	 * zero waits forever
	 */
	ReplicaRoutingFilter(HttpClient httpClient, List<HttpHeadersFilter> responseHeadersFilters,
			Duration responseTimeout) {
		this.httpClient = timed(httpClient, responseTimeout);
		this.responseHeadersFilters = responseHeadersFilters.stream()
			.filter((filter) -> filter.supports(HttpHeadersFilter.Type.RESPONSE))
			.toList();
	}

	private static HttpClient timed(HttpClient httpClient, Duration responseTimeout) {
		long defaultMillis = responseTimeout.toMillis();
		return httpClient.doOnRequest((request, connection) -> {
			long millis = PerTryTimeout.millis(request.currentContextView(), defaultMillis);
			if (millis > 0) {
				connection.addHandlerFirst(RESPONSE_TIMEOUT_HANDLER, new ReadTimeoutHandler(millis, TimeUnit.MILLISECONDS));
			}
		}).doOnResponse((response, connection) -> connection.removeHandler(RESPONSE_TIMEOUT_HANDLER));
	}

	@Override
	public int getOrder() {
		return NettyRoutingFilter.ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
		String scheme = url.getScheme();
		if (isAlreadyRouted(exchange) || !("http".equals(scheme) || "https".equals(scheme))) {
			return chain.filter(exchange);
		}
		// not marked as routed: no routing filter comes after this one, and every attribute
		// past the exchange map's first table costs it a resize
		ServerHttpRequest request = exchange.getRequest();
		return this.httpClient.headers((headers) -> ProxiedHeaders.request(request, headers))
			.request(io.netty.handler.codec.http.HttpMethod.valueOf(request.getMethod().name()))
			.uri(url)
			.send((proxied, outbound) -> outbound.send(MessageBody.isPresent(request)
					? request.getBody().map(NettyDataBufferFactory::toByteBuf) : Flux.empty()))
			.responseConnection((response, connection) -> received(exchange, response, connection))
			.then()
			.onErrorMap(ReadTimeoutException.class, (timedOut) -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
					"The backend did not send its response headers in time", timedOut))
			.then(chain.filter(exchange));
	}

	private Mono<HttpClientResponse> received(ServerWebExchange exchange, HttpClientResponse backendResponse,
			Connection connection) {
		// NettyWriteResponseFilter writes the body, after the filters before this one have run
		exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, backendResponse);
		exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// answered meanwhile (a timeout's 504): its headers can no longer change
			return Mono.just(backendResponse);
		}
		response.setStatusCode(HttpStatusCode.valueOf(backendResponse.status().code()));
		ProxiedHeaders.response(backendResponse.responseHeaders(), response.getHeaders());
		for (HttpHeadersFilter filter : this.responseHeadersFilters) {
			filter.filter(response.getHeaders(), exchange);
		}
		return Mono.just(backendResponse);
	}

}
