package dev.scaleout.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens a {@link SessionRequest} around Spring Session's filter, which saves the session when the response
 * commits and again when the request ends. Without it, a session that a concurrent request deleted (a logout) or
 * re-keyed (a login) fails that save with {@code IllegalStateException: Session was invalidated}, which escapes
 * the response being written and becomes a 500; with it, the request's answer stands and its changes to the
 * session are dropped.
 */
final class SessionRequestFilter extends OncePerRequestFilter implements Ordered {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (SessionRequest ignored = SessionRequest.open()) {
			chain.doFilter(request, response);
		}
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 2;
	}

}
