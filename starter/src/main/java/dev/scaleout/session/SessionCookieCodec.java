package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Makes a WebFlux app's session cookie carry the session id Base64-encoded, as Spring
 * Session's {@code DefaultCookieSerializer} writes it for servlet apps, so that one browser
 * keeps one session across servlet and WebFlux replicas. Wraps the app's
 * {@link CookieWebSessionIdResolver} (Spring Boot's, with its cookie name and attributes)
 * rather than replacing it.
 */
final class SessionCookieCodec implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// only the cookie: an app that takes session ids from a header keeps them as its clients send them
		if (bean instanceof CookieWebSessionIdResolver resolver) {
			return new Base64SessionIds(resolver);
		}
		return bean;
	}

	/**
	 * The decorator: decodes the ids read, encodes the id written.
	 */
	record Base64SessionIds(WebSessionIdResolver delegate) implements WebSessionIdResolver {

		@Override
		public List<String> resolveSessionIds(ServerWebExchange exchange) {
			List<String> ids = new ArrayList<>();
			for (String value : this.delegate.resolveSessionIds(exchange)) {
				try {
					ids.add(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException ex) {
					// not Base64: not a cookie of ours, as DefaultCookieSerializer ignores it too
				}
			}
			return ids;
		}

		@Override
		public void setSessionId(ServerWebExchange exchange, String sessionId) {
			this.delegate.setSessionId(exchange,
					Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));
		}

		@Override
		public void expireSession(ServerWebExchange exchange) {
			this.delegate.expireSession(exchange);
		}

	}

}
