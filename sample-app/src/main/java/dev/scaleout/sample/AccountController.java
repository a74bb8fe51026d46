package dev.scaleout.sample;

import java.util.Map;

import dev.scaleout.instance.InstanceId;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me}: who is logged in, answered by any replica because the security context is in the session.
 */
@RestController
class AccountController {

	private final InstanceId instanceId;

	AccountController(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@GetMapping("/me")
	Map<String, Object> me(Authentication authentication) {
		return Map.of("user", authentication.getName(), "instance", this.instanceId.value());
	}

}
