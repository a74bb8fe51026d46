package dev.scaleout.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rise and fall thresholds of active health checks.
 */
class BackendHealthTests {

	private final Backend backend = new Backend(URI.create("http://a:1"), 1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final HealthCheckProperties properties = new HealthCheckProperties(true, "/ready", Duration.ofSeconds(2),
			Duration.ofSeconds(1), 2, 3);

	@Test
	void presumesBackendsKnownAtStartupUp() {
		BackendHealth health = new BackendHealth(() -> List.of(this.backend), this.properties, this.clock);
		assertThat(health.isUp(this.backend)).isTrue();
		assertThat(health.upSince(this.backend)).isEqualTo(Instant.EPOCH);
	}

	@Test
	void holdsBackendsDiscoveredLaterDownUntilTheyRise() {
		List<List<Backend>> pool = new ArrayList<>(List.of(List.of()));
		BackendHealth health = new BackendHealth(() -> pool.get(0), this.properties, this.clock);
		pool.set(0, List.of(this.backend));
		assertThat(health.isUp(this.backend)).isFalse();
		HealthProbes.pass(health, this.backend, 1);
		assertThat(health.isUp(this.backend)).isFalse();
		HealthProbes.pass(health, this.backend, 1);
		assertThat(health.isUp(this.backend)).isTrue();
		assertThat(health.upSince(this.backend)).isEqualTo(this.clock.instant());
	}

	@Test
	void takesABackendDownAfterThreeConsecutiveFailedProbes() {
		BackendHealth health = new BackendHealth(() -> List.of(this.backend), this.properties, this.clock);
		HealthProbes.fail(health, this.backend, 2);
		HealthProbes.pass(health, this.backend, 1);
		HealthProbes.fail(health, this.backend, 2);
		assertThat(health.isUp(this.backend)).isTrue();
		HealthProbes.fail(health, this.backend, 1);
		assertThat(health.isUp(this.backend)).isFalse();
	}

	@Test
	void takesABackendDownAtOnceWhenItSaysItIsShuttingDownAndBringsItBackWhenItRises() {
		BackendHealth health = new BackendHealth(() -> List.of(this.backend), this.properties, this.clock);
		HealthProbes.fail(health, this.backend, 2);
		assertThat(health.draining(this.backend)).isTrue();
		assertThat(health.isUp(this.backend)).isFalse();
		assertThat(health.draining(this.backend)).as("told once").isFalse();
		HealthProbes.pass(health, this.backend, 1);
		assertThat(health.isUp(this.backend)).isFalse();
		HealthProbes.pass(health, this.backend, 1);
		assertThat(health.isUp(this.backend)).isTrue();
	}

	@Test
	void ignoresTheShutdownSignalOfABackendNoLongerInThePoolOrWhenChecksAreDisabled() {
		assertThat(new BackendHealth(List::of, this.properties, this.clock).draining(this.backend)).isFalse();
		HealthCheckProperties disabled = new HealthCheckProperties(false, "/ready", Duration.ofSeconds(2),
				Duration.ofSeconds(1), 2, 3);
		BackendHealth health = new BackendHealth(() -> List.of(this.backend), disabled, this.clock);
		assertThat(health.draining(this.backend)).isFalse();
		assertThat(health.isUp(this.backend)).isTrue();
	}

	@Test
	void considersEveryBackendUpWhenChecksAreDisabled() {
		HealthCheckProperties disabled = new HealthCheckProperties(false, "/ready", Duration.ofSeconds(2),
				Duration.ofSeconds(1), 2, 3);
		BackendHealth health = new BackendHealth(List::of, disabled, this.clock);
		assertThat(health.isUp(this.backend)).isTrue();
	}

}
