package dev.scaleout.sample;

import java.util.Map;

import dev.scaleout.instance.InstanceId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /slow?ms=N}: a request that takes N milliseconds, to watch graceful shutdown and balancing.
 */
@RestController
class SlowController {

	static final int MAX_MILLIS = 60_000;

	private final InstanceId instanceId;

	SlowController(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@GetMapping("/slow")
	Map<String, Object> slow(@RequestParam @Min(0) @Max(MAX_MILLIS) int ms) throws InterruptedException {
		Thread.sleep(ms);
		return Map.of("sleptMillis", ms, "instance", this.instanceId.value());
	}

}
