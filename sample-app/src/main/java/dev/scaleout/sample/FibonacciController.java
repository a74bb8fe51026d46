package dev.scaleout.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.scaleout.instance.InstanceId;
import dev.scaleout.work.WorkPool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /fib/{n}}: CPU-bound work — naive recursive Fibonacci — on the bounded {@link WorkPool}, so that a
 * burst of it sheds with 503 instead of taking every request thread.
 */
@RestController
class FibonacciController {

	static final int MAX_N = 45;

	private final WorkPool workPool;

	private final InstanceId instanceId;

	FibonacciController(WorkPool workPool, InstanceId instanceId) {
		this.workPool = workPool;
		this.instanceId = instanceId;
	}

	@GetMapping("/fib/{n}")
	CompletableFuture<Map<String, Object>> fib(@PathVariable @Min(0) @Max(MAX_N) int n) {
		return this.workPool.submit(() -> Map.of("n", n, "fib", fibonacci(n), "instance", this.instanceId.value()));
	}

	static long fibonacci(int n) {
		return (n < 2) ? n : fibonacci(n - 1) + fibonacci(n - 2);
	}

}
