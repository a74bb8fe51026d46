package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.scaleout.redis.OutageLog;
import dev.scaleout.redis.RedisUnavailable;

/**
 * The WebFlux twin of {@link SessionStoreUnavailableFilter}: a request whose session could
 * not be loaded or saved because Redis is unreachable gets 503 problem+json with
 * {@code Retry-After}, not a 500. Requests that never ask for their {@code WebSession} are
 * not affected. A failed save surfaces while the response commits; Spring then lets an
 * error handler write a new response, which this filter does.
 */
final class SessionStoreUnavailableWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(SessionStoreUnavailableWebFilter.class);

	private final Duration retryAfter;

	private final OutageLog outages = new OutageLog(logger);

	SessionStoreUnavailableWebFilter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume((failure) -> answerUnavailable(exchange, failure));
	}

	private Mono<Void> answerUnavailable(ServerWebExchange exchange, Throwable failure) {
		Throwable storeFailure = RedisUnavailable.causeOf(failure);
		ServerHttpResponse response = exchange.getResponse();
		if (storeFailure == null || response.isCommitted()) {
			return Mono.error(failure);
		}
		this.outages.warn(SessionStoreProblem.OUTAGE, storeFailure);
		byte[] body = SessionStoreProblem
			.json(exchange.getRequest().getPath().value(), "Service Unavailable", SessionStoreProblem.UNAVAILABLE_DETAIL)
			.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, SessionStoreProblem.retryAfterSeconds(this.retryAfter));
		headers.setCacheControl("no-store");
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		// outside everything that may ask for the session, such as Spring Security's filter chain
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
