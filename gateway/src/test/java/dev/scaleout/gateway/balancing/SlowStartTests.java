package dev.scaleout.gateway.balancing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.health.HealthCheckProperties;
import dev.scaleout.gateway.health.HealthProbes;
import dev.scaleout.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Slow start ramps a backend that turned healthy.
 */
class SlowStartTests {

	private final Backend backend = new Backend(URI.create("http://a:1"), 1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void givesFullShareToBackendsHealthySinceStartup() {
		BackendHealth health = new BackendHealth(() -> List.of(this.backend), properties(), this.clock);
		assertThat(new SlowStart(health, Duration.ofSeconds(10), this.clock).factor(this.backend)).isEqualTo(1);
	}

	@Test
	void rampsABackendThatJustTurnedHealthy() {
		List<List<Backend>> pool = new ArrayList<>(List.of(List.of()));
		BackendHealth health = new BackendHealth(() -> pool.get(0), properties(), this.clock);
		pool.set(0, List.of(this.backend));
		SlowStart slowStart = new SlowStart(health, Duration.ofSeconds(10), this.clock);
		HealthProbes.pass(health, this.backend, 2);
		assertThat(slowStart.factor(this.backend)).isEqualTo(SlowStart.MIN_FACTOR);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(slowStart.factor(this.backend)).isCloseTo(0.5, within(0.01));
		assertThat(slowStart.isRamping(this.backend)).isTrue();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(slowStart.factor(this.backend)).isEqualTo(1);
	}

	private static HealthCheckProperties properties() {
		return new HealthCheckProperties(true, "/ready", Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 3);
	}


}
