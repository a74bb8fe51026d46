package dev.scaleout.it;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal app on the starter, as a user would write one: the starter on the class path and nothing else.
 */
@SpringBootApplication
public class ReplicaTestApplication {

	@RestController
	static class SlowController {

		final AtomicInteger started = new AtomicInteger();

		@GetMapping("/slow")
		String slow(@RequestParam long ms) throws InterruptedException {
			this.started.incrementAndGet();
			Thread.sleep(ms);
			return "done";
		}

		@GetMapping("/")
		String hello() {
			return "hello";
		}

	}

}
