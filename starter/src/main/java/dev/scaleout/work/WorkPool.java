package dev.scaleout.work;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import reactor.core.publisher.Mono;

/**
 * A bounded pool of threads for CPU-heavy work — the worker pool of the Node.js recipe. A fixed number of tasks
 * run at once and a few wait; beyond that a task is refused at once with {@link WorkPoolFullException}, which
 * Spring MVC and WebFlux answer with 503 and {@code Retry-After}, so overload sheds work instead of queueing it
 * without end. A servlet app takes the result as a {@link CompletableFuture} ({@link #submit}), a WebFlux app as a
 * {@link Mono} ({@link #mono}), so the event loop never runs the work nor waits for it.
 * <p>
 * Built on a Resilience4j {@link ThreadPoolBulkhead}, whose metrics ({@code resilience4j.bulkhead.*}, name
 * {@value #NAME}) Micrometer publishes.
 */
public final class WorkPool implements AutoCloseable {

	/**
	 * The name of the pool's bulkhead in metrics and {@code /actuator/bulkheads}.
	 */
	public static final String NAME = "work";

	private final ThreadPoolBulkhead bulkhead;

	private final Duration retryAfter;

	WorkPool(ThreadPoolBulkhead bulkhead, Duration retryAfter) {
		this.bulkhead = bulkhead;
		this.retryAfter = retryAfter;
	}

	/**
	 * Runs {@code task} on the pool. A controller may return the future: Spring MVC completes the request when it
	 * completes.
	 * @param <T> the result's type
	 * @param task the work
	 * @return the result, later
	 * @throws WorkPoolFullException when every thread is busy and the queue is full
	 */
	public <T> CompletableFuture<T> submit(Supplier<T> task) {
		try {
			return this.bulkhead.submit(task::get).toCompletableFuture();
		}
		catch (BulkheadFullException ex) {
			throw new WorkPoolFullException(threads(), queue(), this.retryAfter, ex);
		}
	}

	/**
	 * Runs {@code task} on the pool once the returned {@link Mono} is subscribed to, for a WebFlux handler: the event
	 * loop neither runs the work nor waits for it. A full pool is an error signal, not an exception thrown here.
	 * @param <T> the result's type
	 * @param task the work
	 * @return the result, when subscribed to; an error of {@link WorkPoolFullException} when every thread is busy
	 * and the queue is full
	 */
	public <T> Mono<T> mono(Supplier<T> task) {
		return Mono.fromFuture(() -> submit(task));
	}

	public int threads() {
		return this.bulkhead.getBulkheadConfig().getMaxThreadPoolSize();
	}

	public int queue() {
		return this.bulkhead.getBulkheadConfig().getQueueCapacity();
	}

	@Override
	public void close() throws Exception {
		this.bulkhead.close();
	}

}
