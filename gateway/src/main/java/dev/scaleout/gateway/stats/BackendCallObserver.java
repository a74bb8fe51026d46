package dev.scaleout.gateway.stats;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.discovery.Backend;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;

/**
 * Measures each call to a backend, from the moment it is chosen: counts it in flight until
 * the response headers arrive, records latency and outcome, and tells the
 * {@link BackendCallListener listeners}. Each retry attempt is observed separately. The
 * filter that chooses the backend hands its call here, rather than this being one more
 * filter in every request's chain.
 */
public final class BackendCallObserver {

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

	/**
	 * Observes a call to a backend.
	 * @param exchange the exchange the call serves
	 * @param backend the backend called
	 * @param call the call, not subscribed yet
	 * @return the call, observed
	 */
	public Mono<Void> observe(ServerWebExchange exchange, Backend backend, Mono<Void> call) {
		BackendMeter meter = this.stats.meter(backend);
		long start = meter.started();
		return call.doOnSuccess((done) -> finished(backend, meter, start, outcome(exchange)))
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
