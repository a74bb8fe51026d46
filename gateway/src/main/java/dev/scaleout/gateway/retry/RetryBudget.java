package dev.scaleout.gateway.retry;

import java.time.Clock;

/**
 * Caps retries to a share of recent traffic, like Envoy's and Finagle's retry budgets:
 * when every backend fails, retries would otherwise multiply the load on a struggling
 * pool. Counts requests and retries in one-second buckets over a sliding window.
 */
final class RetryBudget {

	private final Clock clock;

	private final int percent;

	private final int minRetries;

	private final long[] seconds;

	private final long[] requests;

	private final long[] retries;

	RetryBudget(RetryProperties properties, Clock clock) {
		this.clock = clock;
		this.percent = properties.budgetPercent();
		this.minRetries = properties.budgetMinRetries();
		int buckets = (int) Math.max(1, properties.budgetWindow().toSeconds());
		this.seconds = new long[buckets];
		this.requests = new long[buckets];
		this.retries = new long[buckets];
	}

	/** Counts one request received from a client. */
	synchronized void recordRequest() {
		this.requests[bucket()]++;
	}

	/**
	 * Takes one retry out of the budget if there is room.
	 * @return {@code true} if the retry may go ahead
	 */
	synchronized boolean tryAcquireRetry() {
		int current = bucket();
		long recentRequests = 0;
		long recentRetries = 0;
		for (int i = 0; i < this.seconds.length; i++) {
			recentRequests += this.requests[i];
			recentRetries += this.retries[i];
		}
		long allowed = Math.max(this.minRetries, recentRequests * this.percent / 100);
		if (recentRetries >= allowed) {
			return false;
		}
		this.retries[current]++;
		return true;
	}

	private int bucket() {
		long second = this.clock.millis() / 1000;
		int index = (int) (second % this.seconds.length);
		if (this.seconds[index] != second) {
			// the bucket last counted a second that has left the window
			this.seconds[index] = second;
			this.requests[index] = 0;
			this.retries[index] = 0;
		}
		for (int i = 0; i < this.seconds.length; i++) {
			if (second - this.seconds[i] >= this.seconds.length) {
				this.requests[i] = 0;
				this.retries[i] = 0;
			}
		}
		return index;
	}

}
