package dev.scaleout.sample;

import java.util.Map;

import dev.scaleout.instance.InstanceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counter kept in the HTTP session, which lives in Redis: it continues on whichever replica the next request
 * reaches.
 */
@RestController
@RequestMapping("/session/counter")
class SessionCounterController {

	static final String ATTRIBUTE = "counter";

	private final InstanceId instanceId;

	SessionCounterController(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@PostMapping
	Map<String, Object> increment(HttpSession session) {
		int count = current(session) + 1;
		session.setAttribute(ATTRIBUTE, count);
		return body(count);
	}

	@GetMapping
	Map<String, Object> read(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return body((session != null) ? current(session) : 0);
	}

	private Map<String, Object> body(int count) {
		return Map.of("count", count, "instance", this.instanceId.value());
	}

	private static int current(HttpSession session) {
		Object count = session.getAttribute(ATTRIBUTE);
		return (count instanceof Number number) ? number.intValue() : 0;
	}

}
