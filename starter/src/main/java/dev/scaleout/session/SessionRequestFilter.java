package dev.scaleout.session;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

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
 * <p>
 * With session locks on, a request that may write (any method but GET, HEAD, OPTIONS and TRACE) locks the
 * sessions it loads; the locks it still holds when it ends, because it never saved those sessions, are released
 * here.
 */
final class SessionRequestFilter extends OncePerRequestFilter implements Ordered {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ScriptedRedisSessionRepository repository;

	private final boolean lockWrites;

	/**
	 * @param repository the repository whose sessions the requests use
	 * @param lockWrites whether a request that may write locks the sessions it loads
	 */
	SessionRequestFilter(ScriptedRedisSessionRepository repository, boolean lockWrites) {
		this.repository = repository;
		this.lockWrites = lockWrites;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SessionRequest sessions = SessionRequest
			.open(this.lockWrites && !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)));
		try {
			chain.doFilter(request, response);
		}
		finally {
			sessions.close();
			this.repository.releaseLocks(sessions);
		}
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 2;
	}

}
