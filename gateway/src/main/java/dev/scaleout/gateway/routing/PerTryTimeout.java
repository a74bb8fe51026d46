package dev.scaleout.gateway.routing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * A shorter limit than the response timeout on the time one try of a request may wait for
 * its response headers, set by retries for the requests they may send again. When it runs
 * out the try fails as a timeout (504), which retries then send to another backend.
 */
public final class PerTryTimeout {

	private static final String ATTRIBUTE = PerTryTimeout.class.getName();

	private PerTryTimeout() {
	}

	/**
	 * Limits each try of a request.
	 * @param exchange the exchange
	 * @param timeout how long each try may wait for its response headers
	 */
	public static void set(ServerWebExchange exchange, Duration timeout) {
		exchange.getAttributes().put(ATTRIBUTE, timeout);
	}

	static @Nullable Duration of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
