package dev.scaleout.session;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

class CookieGuardedFlashMapManagerTests {

	private final CookieGuardedFlashMapManager manager = new CookieGuardedFlashMapManager();

	@Test
	void requestWithoutPendingFlashAttributesDoesNotTouchTheSession() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		assertThat((Object) this.manager.retrieveAndUpdate(request, new MockHttpServletResponse())).isNull();
		assertThat(request.getSession(false)).isNull();
	}

	@Test
	void flashAttributesReachTheNextRequestThroughTheMarkerCookie() {
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/form");
		MockHttpServletResponse postResponse = new MockHttpServletResponse();
		FlashMap flash = new FlashMap();
		flash.put("message", "saved");
		flash.setTargetRequestPath("/done");
		this.manager.saveOutputFlashMap(flash, post, postResponse);
		Cookie marker = postResponse.getCookie(CookieGuardedFlashMapManager.MARKER_COOKIE);
		assertThat(marker).isNotNull();
		assertThat(marker.getMaxAge()).isPositive();
		assertThat(marker.isHttpOnly()).isTrue();

		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/done");
		get.setSession(post.getSession());
		get.setCookies(marker);
		MockHttpServletResponse getResponse = new MockHttpServletResponse();
		FlashMap received = this.manager.retrieveAndUpdate(get, getResponse);
		assertThat((java.util.Map<String, Object>) received).containsEntry("message", "saved");
		assertThat(getResponse.getCookie(CookieGuardedFlashMapManager.MARKER_COOKIE).getMaxAge()).isZero();
	}

	@Test
	void installerReplacesSpringMvcsManagerKeepingItsTimeout() {
		SessionFlashMapManager stock = new SessionFlashMapManager();
		stock.setFlashMapTimeout(42);
		Object installed = new CookieGuardedFlashMapManager.Installer().postProcessAfterInitialization(stock,
				"flashMapManager");
		assertThat(installed).isInstanceOf(CookieGuardedFlashMapManager.class);
		assertThat(((SessionFlashMapManager) installed).getFlashMapTimeout()).isEqualTo(42);
	}

}
