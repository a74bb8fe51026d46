package dev.scaleout.sample;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Sign out everywhere": ends every session of the logged-in user, on every replica and device, through Spring
 * Session's principal index.
 */
@RestController
class SessionsController {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

	SessionsController(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/sessions/sign-out-everywhere")
	Map<String, Object> signOutEverywhere(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		Set<String> ended = this.sessions.findByPrincipalName(authentication.getName()).keySet();
		ended.forEach(this.sessions::deleteById);
		this.logout.logout(request, response, authentication);
		return Map.of("user", authentication.getName(), "ended", ended.size());
	}

}
