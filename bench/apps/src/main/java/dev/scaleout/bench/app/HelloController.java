package dev.scaleout.bench.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sessionless request: what the variant's filters cost when there is nothing to do.
 */
@RestController
class HelloController {

	@GetMapping("/hello")
	String hello() {
		return "hello\n";
	}

}
