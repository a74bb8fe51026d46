package dev.scaleout.test;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Records, at the end of every request a replica answers, the session the request leaves: a servlet filter just
 * inside Spring Session's, so that it sees the attributes the application set before the session store writes
 * them.
 */
final class SessionRecorder implements Filter {

	/**
	 * Just after Spring Session's {@code SessionRepositoryFilter.DEFAULT_ORDER}: inside it, before everything else.
	 */
	static final int ORDER = Integer.MIN_VALUE + 51;

	private final SessionLedger ledger;

	private final int replica;

	private SessionRecorder(SessionLedger ledger, int replica) {
		this.ledger = ledger;
		this.replica = replica;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http)) {
			chain.doFilter(request, response);
			return;
		}
		this.ledger.begin();
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			this.ledger.abandon();
			throw ex;
		}
		HttpSession session = http.getSession(false);
		this.ledger.record(http.getRequestedSessionId(),
				(session != null) ? new SessionLedger.Written(this.replica, session.getId(), attributes(session))
						: null);
	}

	private static Map<String, Object> attributes(HttpSession session) {
		Map<String, Object> attributes = new HashMap<>();
		try {
			for (String name : Collections.list(session.getAttributeNames())) {
				Object value = session.getAttribute(name);
				if (value != null) {
					attributes.put(name, value);
				}
			}
		}
		catch (IllegalStateException ex) {
			// Invalidated by the request after it was looked up: it leaves no session.
		}
		return attributes;
	}

	/**
	 * Registers the recorder in a servlet web application; leaves any other kind of application alone.
	 */
	static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.Filter", null)
				&& ClassUtils.isPresent("org.springframework.boot.web.servlet.FilterRegistrationBean", null);

		private final SessionLedger ledger;

		private final int replica;

		Installer(SessionLedger ledger, int replica) {
			this.ledger = ledger;
			this.replica = replica;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			// a WebFlux app has no servlet API: nothing to record there (ServletOnly is not even loaded)
			if (SERVLET_PRESENT) {
				context.getBeanFactory()
					.registerSingleton("scaleoutTestSessionRecorder", ServletOnly.registration(this.ledger, this.replica));
			}
		}

	}

	/**
	 * What names servlet types, in a class of its own so that verifying {@link Installer} loads none of them.
	 */
	private static final class ServletOnly {

		static Object registration(SessionLedger ledger, int replica) {
			FilterRegistrationBean<SessionRecorder> registration = new FilterRegistrationBean<>(
					new SessionRecorder(ledger, replica));
			registration.setOrder(ORDER);
			return registration;
		}

	}

}
