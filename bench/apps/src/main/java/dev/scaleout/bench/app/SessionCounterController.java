package dev.scaleout.bench.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counter in the HTTP session: GET only reads the session, POST changes it. In the plain variant the session
 * lives in the servlet container's memory.
 */
@RestController
@RequestMapping("/session/counter")
class SessionCounterController {

	private static final String ATTRIBUTE = "counter";

	@PostMapping
	String increment(HttpSession session) {
		int count = current(session) + 1;
		session.setAttribute(ATTRIBUTE, count);
		return count + "\n";
	}

	@GetMapping
	String read(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return ((session != null) ? current(session) : 0) + "\n";
	}

	private static int current(HttpSession session) {
		return (session.getAttribute(ATTRIBUTE) instanceof Integer count) ? count : 0;
	}

}
