package dev.scaleout.gateway.stats;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import dev.scaleout.gateway.discovery.Backend;

/**
 * The traffic counters of one backend, published to Micrometer with a {@code backend}
 * tag: in-flight requests, total requests, failures and latency percentiles.
 */
public final class BackendMeter {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final LongAdder total = new LongAdder();

	private final Counter failures;

	private final Timer latency;

	private final List<Meter> meters;

	BackendMeter(Backend backend, MeterRegistry registry) {
		Tags tags = Tags.of("backend", backend.getInstanceId());
		Gauge inFlight = Gauge.builder("scaleout.gateway.backend.in.flight", this.inFlight, AtomicInteger::get)
			.description("Requests sent to the backend and not yet answered")
			.tags(tags)
			.register(registry);
		FunctionCounter requests = FunctionCounter.builder("scaleout.gateway.backend.requests", this.total, LongAdder::sum)
			.description("Requests sent to the backend")
			.tags(tags)
			.register(registry);
		this.failures = Counter.builder("scaleout.gateway.backend.failures")
			.description("Calls that failed to connect, were reset, timed out or got a 5xx")
			.tags(tags)
			.register(registry);
		this.latency = Timer.builder("scaleout.gateway.backend.latency")
			.description("Time from sending the request to receiving the response headers")
			.tags(tags)
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.meters = List.of(inFlight, requests, this.failures, this.latency);
	}

	void remove(MeterRegistry registry) {
		this.meters.forEach(registry::remove);
	}

	/**
	 * Marks a call as started.
	 * @return the start time to pass to {@link #finished}
	 */
	long started() {
		this.inFlight.incrementAndGet();
		this.total.increment();
		return System.nanoTime();
	}

	void finished(long startNanos, CallOutcome outcome) {
		this.inFlight.decrementAndGet();
		this.latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
		if (outcome.isFailure()) {
			this.failures.increment();
		}
	}

	void abandoned() {
		this.inFlight.decrementAndGet();
	}

	/**
	 * Requests sent and not yet answered.
	 * @return the in-flight count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Requests sent since the gateway started.
	 * @return the total count
	 */
	public long total() {
		return this.total.sum();
	}

	/**
	 * Calls that failed since the gateway started.
	 * @return the failure count
	 */
	public long failures() {
		return (long) this.failures.count();
	}

	/**
	 * A recent latency percentile.
	 * @param percentile 0.5 or 0.99
	 * @return the latency in milliseconds, or 0 when none was recorded
	 */
	public double latencyMillis(double percentile) {
		for (ValueAtPercentile value : this.latency.takeSnapshot().percentileValues()) {
			if (value.percentile() == percentile) {
				return value.value(TimeUnit.MILLISECONDS);
			}
		}
		return 0;
	}

}
