package dev.scaleout.gateway.retry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes a request body sendable more than once: no body at all, or a small body of known
 * length held in memory. Larger or streamed bodies are not buffered, so such requests
 * are not retried.
 */
final class ReplayableBody {

	/** The largest body held in memory so that its request can be retried. */
	static final int MAX_REPLAYABLE_BYTES = 256 * 1024;

	private ReplayableBody() {
	}

	/**
	 * Whether the body of a request can be replayed: it has none, or a small one of known
	 * length.
	 * @param request the request
	 * @return {@code true} if {@link #of} can make it replayable
	 */
	static boolean isReplayable(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		long length = headers.getContentLength();
		return (length <= 0) ? !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
				: length <= MAX_REPLAYABLE_BYTES;
	}

	/**
	 * An exchange whose request body can be subscribed to once per attempt.
	 * @param exchange the exchange, whose request must be {@link #isReplayable}
	 * @return the replayable exchange
	 */
	static Mono<ServerWebExchange> of(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getHeaders().getContentLength() <= 0) {
			return Mono.just(withBody(exchange, Flux::empty));
		}
		return DataBufferUtils.join(request.getBody()).map((joined) -> {
			byte[] bytes = new byte[joined.readableByteCount()];
			joined.read(bytes);
			DataBufferUtils.release(joined);
			return withBody(exchange, () -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
		}).defaultIfEmpty(withBody(exchange, Flux::empty));
	}

	private static ServerWebExchange withBody(ServerWebExchange exchange, BodySource body) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(body::get);
			}

		};
		return exchange.mutate().request(request).build();
	}

	@FunctionalInterface
	private interface BodySource {

		Flux<DataBuffer> get();

	}

}
