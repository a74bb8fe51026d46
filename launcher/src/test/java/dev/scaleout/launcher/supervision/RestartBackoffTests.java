package dev.scaleout.launcher.supervision;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delay before a crashed replica is started again.
 */
class RestartBackoffTests {

	private static final Duration BRIEFLY = Duration.ofSeconds(1);

	private final RestartBackoff backoff = new RestartBackoff();

	@Test
	void startsAtOneHundredMillisecondsAndGrowsByHalfEachConsecutiveCrash() {
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofMillis(150));
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofMillis(225));
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofMillis(338));
	}

	@Test
	void neverWaitsLongerThanFifteenSeconds() {
		for (int i = 0; i < 30; i++) {
			this.backoff.nextDelay(BRIEFLY);
		}
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void startsOverAfterAReplicaStayedUpThirtySeconds() {
		for (int i = 0; i < 5; i++) {
			this.backoff.nextDelay(BRIEFLY);
		}
		assertThat(this.backoff.nextDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.nextDelay(BRIEFLY)).isEqualTo(Duration.ofMillis(150));
	}

	@Test
	void keepsGrowingWhenTheReplicaCrashedBeforeThirtySeconds() {
		this.backoff.nextDelay(Duration.ofSeconds(29));
		assertThat(this.backoff.nextDelay(Duration.ofSeconds(29))).isEqualTo(Duration.ofMillis(150));
	}

}
