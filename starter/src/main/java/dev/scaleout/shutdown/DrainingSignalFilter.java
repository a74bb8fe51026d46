package dev.scaleout.shutdown;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * During the drain, marks every response with {@value #HEADER}{@code : true} and {@code Connection: close}: the
 * Scaleout gateway takes the replica out of rotation at the first such response instead of after several failed
 * readiness probes, and does not reuse the connection, which graceful shutdown would close under it. Before the
 * drain it costs one volatile read per request.
 */
final class DrainingSignalFilter implements Filter, Ordered {

	/**
	 * The response header that says the replica is shutting down; the gateway reads the same name.
	 */
	static final String HEADER = "Scaleout-Draining";

	private final DrainOnShutdown drain;

	DrainingSignalFilter(DrainOnShutdown drain) {
		this.drain = drain;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		// set before the chain runs: anything later may have committed the response
		if (this.drain.isDraining() && response instanceof HttpServletResponse http) {
			http.setHeader(HEADER, "true");
			http.setHeader(HttpHeaders.CONNECTION, "close");
		}
		chain.doFilter(request, response);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
