package dev.scaleout.instance;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names this replica on every response (before anything can commit it) and in the logging MDC of the request's
 * thread under {@value #MDC_KEY}, for structured log formats.
 */
final class InstanceIdFilter extends OncePerRequestFilter implements Ordered {

	static final String MDC_KEY = "instance";

	private final InstanceId instanceId;

	private final @Nullable String headerName;

	InstanceIdFilter(InstanceId instanceId, @Nullable String headerName) {
		this.instanceId = instanceId;
		this.headerName = headerName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.headerName != null) {
			response.setHeader(this.headerName, this.instanceId.value());
		}
		MDC.put(MDC_KEY, this.instanceId.value());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
