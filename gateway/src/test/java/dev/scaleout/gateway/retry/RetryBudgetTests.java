package dev.scaleout.gateway.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.scaleout.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry budget over a sliding window.
 */
class RetryBudgetTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final RetryBudget budget = new RetryBudget(
			new RetryProperties(true, 2, Set.of("GET"), 20, Duration.ofSeconds(10), 3, Duration.ofSeconds(15)), this.clock);

	@Test
	void allowsTheMinimumRetriesWithoutTraffic() {
		assertThat(acquired(10)).isEqualTo(3);
	}

	@Test
	void allowsRetriesUpToTheBudgetShareOfRecentRequests() {
		requests(100);
		assertThat(acquired(50)).isEqualTo(20);
	}

	@Test
	void forgetsRequestsAndRetriesThatLeftTheWindow() {
		requests(100);
		acquired(20);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(acquired(10)).isEqualTo(3);
	}

	private void requests(int count) {
		for (int i = 0; i < count; i++) {
			this.budget.recordRequest();
		}
	}

	private int acquired(int attempts) {
		int acquired = 0;
		for (int i = 0; i < attempts; i++) {
			if (this.budget.tryAcquireRetry()) {
				acquired++;
			}
		}
		return acquired;
	}

}
