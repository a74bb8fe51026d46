package dev.scaleout.shutdown;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebFlux twin of {@link DrainingSignalFilter}: during the drain every response says
 * {@value DrainingSignalFilter#HEADER}{@code : true} and {@code Connection: close}, which Reactor Netty honours by
 * closing the connection after the response.
 */
final class DrainingSignalWebFilter implements WebFilter, Ordered {

	private final DrainOnShutdown drain;

	DrainingSignalWebFilter(DrainOnShutdown drain) {
		this.drain = drain;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// set before the chain runs: anything later may have committed the response
		if (this.drain.isDraining()) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set(DrainingSignalFilter.HEADER, "true");
			headers.set(HttpHeaders.CONNECTION, "close");
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
