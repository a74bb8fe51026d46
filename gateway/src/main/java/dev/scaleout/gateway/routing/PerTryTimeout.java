package dev.scaleout.gateway.routing;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A shorter limit than the response timeout on the time one try of a request may wait for
 * its response headers, set by retries for the requests they may send again. When it runs
 * out the try fails as a timeout (504), which retries then send to another backend. It
 * travels in the Reactor context, where the routing filter's HTTP client reads it when it
 * sends the request, rather than in one more exchange attribute.
 */
public final class PerTryTimeout {

	private static final String KEY = PerTryTimeout.class.getName();

	private PerTryTimeout() {
	}

	/**
	 * Limits each try made within a call.
	 * @param call the call, for example the rest of the filter chain
	 * @param timeout how long each try may wait for its response headers
	 * @return the call, limited
	 */
	public static Mono<Void> limit(Mono<Void> call, Duration timeout) {
		return call.contextWrite(Context.of(KEY, timeout.toMillis()));
	}

	static long millis(ContextView context, long otherwise) {
		return context.getOrDefault(KEY, otherwise);
	}

}
