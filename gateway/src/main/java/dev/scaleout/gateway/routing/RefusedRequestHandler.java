package dev.scaleout.gateway.routing;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own refusals of a request it does not forward — a method its endpoint does
 * not allow (405), a representation it cannot produce (406), a body too large (413) or of a
 * type it does not read (415) — as problem+json, like every other answer the gateway writes
 * itself, instead of WebFlux's default error JSON. The exception's headers, such as
 * {@code Allow}, are kept. Runs before Spring Boot's error handler.
 */
final class RefusedRequestHandler implements WebExceptionHandler, Ordered {

	/** Before Spring Boot's {@code DefaultErrorWebExceptionHandler}, which is at -1. */
	static final int ORDER = -2;

	/** 405, 406, 413 and 415, by code: 413 has two names in {@link HttpStatus}. */
	private static final Set<Integer> REFUSALS = Set.of(HttpStatus.METHOD_NOT_ALLOWED.value(),
			HttpStatus.NOT_ACCEPTABLE.value(), HttpStatus.CONTENT_TOO_LARGE.value(),
			HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (!(failure instanceof ResponseStatusException refused) || exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		if (!REFUSALS.contains(refused.getStatusCode().value())) {
			return Mono.error(failure);
		}
		HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
		String reason = refused.getReason();
		String detail = (reason != null) ? reason : status.getReasonPhrase() + ".";
		return ProblemResponses.write(exchange, status, detail, -1, refused.getHeaders());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
