package dev.scaleout.work;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkPoolTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final WorkPool pool = new WorkPool(ThreadPoolBulkhead.of("work",
			ThreadPoolBulkheadConfig.custom().coreThreadPoolSize(1).maxThreadPoolSize(1).queueCapacity(1).build()),
			Duration.ofSeconds(3));

	@AfterEach
	void close() throws Exception {
		this.release.countDown();
		this.pool.close();
	}

	@Test
	void runsWorkAndHandsBackItsResult() throws Exception {
		assertThat(this.pool.submit(() -> 6 * 7).get(5, TimeUnit.SECONDS)).isEqualTo(42);
	}

	@Test
	void refusesWorkWhenEveryThreadIsBusyAndTheQueueIsFull() throws Exception {
		CompletableFuture<String> running = this.pool.submit(this::blocked);
		CompletableFuture<String> queued = this.pool.submit(this::blocked);
		assertThatExceptionOfType(WorkPoolFullException.class).isThrownBy(() -> this.pool.submit(() -> "refused"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("3");
				assertThat(ex.getBody().getDetail()).contains("1 running, 1 waiting");
			});
		this.release.countDown();
		assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(this.pool.submit(() -> "accepted again").get(5, TimeUnit.SECONDS)).isEqualTo("accepted again");
	}

	@Test
	void runsWorkForAWebFluxHandlerOnlyWhenSubscribedTo() {
		AtomicInteger runs = new AtomicInteger();
		Mono<Integer> work = this.pool.mono(() -> runs.incrementAndGet() * 42);
		assertThat(runs).hasValue(0);
		assertThat(work.block(Duration.ofSeconds(5))).isEqualTo(42);
	}

	@Test
	void aFullPoolIsAnErrorSignalForAWebFluxHandler() throws Exception {
		CompletableFuture<String> running = this.pool.submit(this::blocked);
		CompletableFuture<String> queued = this.pool.submit(this::blocked);
		Mono<String> refused = this.pool.mono(() -> "refused");
		assertThatExceptionOfType(WorkPoolFullException.class).isThrownBy(() -> refused.block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("3"));
		this.release.countDown();
		assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(refused.block(Duration.ofSeconds(5))).as("each subscription submits anew").isEqualTo("refused");
	}

	@Test
	void reportsItsSize() {
		assertThat(this.pool.threads()).isEqualTo(1);
		assertThat(this.pool.queue()).isEqualTo(1);
	}

	private String blocked() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "done";
	}

}
