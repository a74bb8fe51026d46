package dev.scaleout.sample;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a login attempt for a locked-out user name or address with 429 and Retry-After, before its password is
 * checked: a locked-out attacker learns nothing, whatever he tries.
 */
final class ThrottledLoginFilter extends OncePerRequestFilter {

	private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	private final HandlerExceptionResolver problems;

	ThrottledLoginFilter(LoginThrottle throttle, HandlerExceptionResolver problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!LOGIN.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String user = request.getParameter("username");
		Duration left = this.throttle.lockedFor(user, request.getRemoteAddr());
		if (left.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		LoginAudit.lockedOut(user, request.getRemoteAddr(), left);
		long seconds = LoginAudit.seconds(left);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
		problem.setDetail("Too many failed logins for this user or from this address; try again in " + seconds
				+ " s.");
		ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.problems.resolveException(request, response, null, refused);
	}

}
