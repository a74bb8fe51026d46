package dev.scaleout.session;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebFlux twin of {@link SessionRequestFilter}: opens a {@link SessionRequest} for each request and puts it in
 * the Reactor Context, where {@link ScriptedReactiveRedisSessionRepository} finds it (a WebFlux request hops
 * threads, so a thread-bound holder would not do). A session that a concurrent request deleted or re-keyed then
 * drops its changes instead of failing the response, and, with session locks on, a request that may write (any
 * method but GET, HEAD, OPTIONS and TRACE) locks the sessions it loads.
 * <p>
 * WebFlux saves the session when the response commits, which releases its lock; the locks a request still holds
 * when it ends (it failed, or never saved) are released here, after that save when the response is not committed
 * yet.
 */
final class SessionRequestWebFilter implements WebFilter, Ordered {

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private final ScriptedReactiveRedisSessionRepository repository;

	private final boolean lockWrites;

	/**
	 * @param repository the repository whose sessions the requests use
	 * @param lockWrites whether a request that may write locks the sessions it loads
	 */
	SessionRequestWebFilter(ScriptedReactiveRedisSessionRepository repository, boolean lockWrites) {
		this.repository = repository;
		this.lockWrites = lockWrites;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		SessionRequest request = SessionRequest
			.unbound(this.lockWrites && !SAFE_METHODS.contains(exchange.getRequest().getMethod()));
		return chain.filter(exchange)
			.contextWrite((context) -> context.put(SessionRequest.class, request))
			.then(Mono.defer(() -> releaseAfterCommit(exchange.getResponse(), request)))
			.onErrorResume((failure) -> this.repository.releaseLocks(request).then(Mono.error(failure)));
	}

	private Mono<Void> releaseAfterCommit(ServerHttpResponse response, SessionRequest request) {
		if (!this.lockWrites || request.locks().isEmpty()) {
			return Mono.empty();
		}
		if (response.isCommitted()) {
			return this.repository.releaseLocks(request);
		}
		// The session's save, registered when the session was loaded, runs first and releases its lock.
		response.beforeCommit(() -> this.repository.releaseLocks(request));
		return Mono.empty();
	}

	@Override
	public int getOrder() {
		// Inside SessionStoreUnavailableWebFilter, outside everything that may ask for the session.
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
