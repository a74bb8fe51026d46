package dev.scaleout.sample;

import java.util.Map;

import dev.scaleout.instance.InstanceId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: says which replica answered. Creates no session.
 */
@RestController
class HelloController {

	private final InstanceId instanceId;

	HelloController(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@GetMapping("/")
	Map<String, Object> hello() {
		return Map.of("message", "Hello from Scaleout", "instance", this.instanceId.value(), "pid",
				ProcessHandle.current().pid());
	}

}
