package dev.scaleout.session;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * Spring MVC's session flash maps, without their hidden cost: the stock manager reads the session on every
 * request to look for flash attributes, which with sessions in Redis is a Redis round trip for every request that
 * carries a session cookie, even one that never uses the session — and a failed request while Redis is down. This
 * one sets a small marker cookie while flash attributes are pending and reads the session only when it is present.
 */
final class CookieGuardedFlashMapManager extends SessionFlashMapManager {

	static final String MARKER_COOKIE = "SCALEOUT_FLASH";

	@Override
	protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		return (WebUtils.getCookie(request, MARKER_COOKIE) != null) ? super.retrieveFlashMaps(request) : null;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
			HttpServletResponse response) {
		super.updateFlashMaps(flashMaps, request, response);
		response.addCookie(marker(request, !flashMaps.isEmpty()));
	}

	private Cookie marker(HttpServletRequest request, boolean pending) {
		Cookie cookie = new Cookie(MARKER_COOKIE, pending ? "1" : "");
		cookie.setPath(StringUtils.hasLength(request.getContextPath()) ? request.getContextPath() : "/");
		cookie.setMaxAge(pending ? getFlashMapTimeout() : 0);
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}

	/**
	 * Replaces the {@link SessionFlashMapManager} that Spring MVC's configuration defines, keeping its settings.
	 */
	static final class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			if (bean.getClass() != SessionFlashMapManager.class) {
				return bean;
			}
			SessionFlashMapManager stock = (SessionFlashMapManager) bean;
			CookieGuardedFlashMapManager guarded = new CookieGuardedFlashMapManager();
			guarded.setFlashMapTimeout(stock.getFlashMapTimeout());
			guarded.setUrlPathHelper(stock.getUrlPathHelper());
			return guarded;
		}

	}

}
