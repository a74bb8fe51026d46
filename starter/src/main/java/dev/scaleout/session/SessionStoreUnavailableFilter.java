package dev.scaleout.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.scaleout.redis.OutageLog;
import dev.scaleout.redis.RedisUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that needed Redis while Redis is unreachable with 503 {@code application/problem+json} and
 * {@code Retry-After}, instead of a 500 and a stack trace; likewise a request that gave up waiting for its
 * session's lock ({@link SessionLockTimeoutException}) where no Spring MVC handler turned it into a response. Sits just outside Spring Session's filter, so it sees
 * failures to load a session as well as failures to save one. Requests that never touch the session are not
 * affected: sessions are loaded and created lazily.
 * <p>
 * Logs one WARN line per outage, not one per request.
 */
final class SessionStoreUnavailableFilter extends OncePerRequestFilter implements Ordered {

	private static final Log logger = LogFactory.getLog(SessionStoreUnavailableFilter.class);



	private final Duration retryAfter;

	private final OutageLog outages = new OutageLog(logger);

	SessionStoreUnavailableFilter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!answeredUnavailable(request, response, ex)) {
				throw ex;
			}
		}
	}

	private boolean answeredUnavailable(HttpServletRequest request, HttpServletResponse response, Throwable ex)
			throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		SessionLockTimeoutException busy = lockTimeoutIn(ex);
		if (busy != null) {
			ProblemDetail problem = busy.getBody();
			write(response, SessionStoreProblem.json(request.getRequestURI(), problem.getTitle(), problem.getDetail()));
			return true;
		}
		Throwable storeFailure = RedisUnavailable.causeOf(ex);
		if (storeFailure == null) {
			return false;
		}
		this.outages.warn(SessionStoreProblem.OUTAGE, storeFailure);
		if (logger.isDebugEnabled()) {
			logger.debug("Answered 503 to " + request.getMethod() + " " + request.getRequestURI(), ex);
		}
		write(response, SessionStoreProblem.json(request.getRequestURI(), "Service Unavailable",
				SessionStoreProblem.UNAVAILABLE_DETAIL));
		return true;
	}

	private static @Nullable SessionLockTimeoutException lockTimeoutIn(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SessionLockTimeoutException timeout) {
				return timeout;
			}
		}
		return null;
	}

	private void write(HttpServletResponse response, String problem) throws IOException {
		byte[] body = problem.getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, SessionStoreProblem.retryAfterSeconds(this.retryAfter));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 1;
	}

}
