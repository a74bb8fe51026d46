package dev.scaleout.session;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.HeaderWebSessionIdResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux replica's session cookie and a servlet replica's (Spring Session's
 * {@link DefaultCookieSerializer}, as Spring Boot configures it) carry the id the same way:
 * each reads what the other wrote.
 */
class SessionCookieCodecTests {

	private final Object resolver = new SessionCookieCodec()
		.postProcessAfterInitialization(new CookieWebSessionIdResolver(), "webSessionIdResolver");

	@Test
	void aCookieAServletReplicaWroteNamesTheSameSessionHere() {
		MockHttpServletResponse servletResponse = new MockHttpServletResponse();
		new DefaultCookieSerializer().writeCookieValue(
				new CookieValue(new MockHttpServletRequest(), servletResponse, "a1b2-c3d4"));
		Cookie written = servletResponse.getCookie("SESSION");

		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").cookie(new HttpCookie("SESSION", written.getValue())));
		assertThat(codec().resolveSessionIds(exchange)).containsExactly("a1b2-c3d4");
	}

	@Test
	void aCookieWrittenHereNamesTheSameSessionOnAServletReplica() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		codec().setSessionId(exchange, "a1b2-c3d4");
		ResponseCookie written = exchange.getResponse().getCookies().getFirst("SESSION");

		MockHttpServletRequest servletRequest = new MockHttpServletRequest();
		servletRequest.setCookies(new Cookie("SESSION", written.getValue()));
		assertThat(new DefaultCookieSerializer().readCookieValues(servletRequest)).containsExactly("a1b2-c3d4");
	}

	@Test
	void aValueThatIsNotBase64IsNoSessionAsOnAServletReplica() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").cookie(new HttpCookie("SESSION", "not*base64")));
		assertThat(codec().resolveSessionIds(exchange)).isEmpty();
	}

	@Test
	void sessionIdsFromAHeaderAreLeftAsTheClientSendsThem() {
		HeaderWebSessionIdResolver header = new HeaderWebSessionIdResolver();
		assertThat(new SessionCookieCodec().postProcessAfterInitialization(header, "webSessionIdResolver"))
			.isSameAs(header);
	}

	private SessionCookieCodec.Base64SessionIds codec() {
		assertThat(this.resolver).isInstanceOf(SessionCookieCodec.Base64SessionIds.class);
		return (SessionCookieCodec.Base64SessionIds) this.resolver;
	}

}
