package dev.scaleout.errors;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.log.LogMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The WebFlux twin of {@link BrowserAwareProblemDetails} and {@link ProblemErrorController}: answers every error a
 * WebFlux application does not handle itself — a route that does not exist, a body that is not JSON, a full work
 * pool, a failure — with an RFC 9457 {@code application/problem+json} body, except to a browser. A request whose
 * preferred media type is HTML ({@link HtmlPreference}) is passed on to Spring Boot's error handler, ordered after
 * this one, which renders the application's {@code error/<status>} pages or the white-label page.
 * <p>
 * Spring's own exceptions carry their problem details and headers (such as {@code Retry-After}); any other exception
 * is a 500, or the status of its {@link ResponseStatus @ResponseStatus}, with the same body as on the servlet stack
 * ({@link StatusProblem}): never its message nor its stack trace, which are logged instead.
 */
final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	/**
	 * Before Spring Boot's {@code ErrorWebExceptionHandler} ({@code -1}), which still serves the browsers.
	 */
	static final int ORDER = -2;

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private final ServerResponse.Context context;

	ProblemWebExceptionHandler(List<HttpMessageWriter<?>> writers) {
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()
				|| HtmlPreference.prefersHtml(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT))) {
			return Mono.error(ex);
		}
		URI path = URI.create(exchange.getRequest().getURI().getRawPath());
		ServerResponse.BodyBuilder response;
		Object problem;
		if (ex instanceof ErrorResponse error) {
			ProblemDetail body = error.getBody();
			if (body.getInstance() == null) {
				body.setInstance(path);
			}
			response = ServerResponse.status(error.getStatusCode())
				.headers((headers) -> headers.addAll(error.getHeaders()));
			problem = body;
		}
		else {
			HttpStatus status = statusOf(ex);
			if (status.is5xxServerError()) {
				logger.error(LogMessage.format("%s %s failed", exchange.getRequest().getMethod(), path), ex);
			}
			response = ServerResponse.status(status);
			problem = StatusProblem.of(status, path);
		}
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((written) -> written.writeTo(exchange, this.context));
	}

	private static HttpStatus statusOf(Throwable ex) {
		MergedAnnotation<ResponseStatus> status = MergedAnnotations.from(ex.getClass(), SearchStrategy.TYPE_HIERARCHY)
			.get(ResponseStatus.class);
		return status.isPresent() ? status.getEnum("code", HttpStatus.class) : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
