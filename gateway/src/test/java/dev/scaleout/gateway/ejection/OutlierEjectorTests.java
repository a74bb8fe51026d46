package dev.scaleout.gateway.ejection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.stats.CallOutcome;
import dev.scaleout.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passive outlier ejection driven by a hand-moved clock.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutlierEjectorTests {

	private final Backend a = new Backend(URI.create("http://a:1"), 1);

	private final Backend b = new Backend(URI.create("http://b:1"), 1);

	private final Backend c = new Backend(URI.create("http://c:1"), 1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final OutlierEjector ejector = new OutlierEjector(() -> List.of(this.a, this.b, this.c),
			new EjectionProperties(true, 5, Duration.ofSeconds(30), Duration.ofSeconds(75), Duration.ofSeconds(10), 50, 50), this.clock,
			new SimpleMeterRegistry());

	@Test
	void ejectsBackendAfterFiveConsecutiveFailures() {
		fail(this.a, 4);
		assertThat(this.ejector.isEjected(this.a)).isFalse();
		fail(this.a, 1);
		assertThat(this.ejector.isEjected(this.a)).isTrue();
		assertThat(this.ejector.ejections(this.a)).isEqualTo(1);
	}

	@Test
	void aSuccessResetsTheRunOfFailures() {
		fail(this.a, 4);
		this.ejector.onCall(this.a, CallOutcome.SUCCESS);
		fail(this.a, 4);
		assertThat(this.ejector.isEjected(this.a)).isFalse();
	}

	@Test
	void ejectsForLongerEachTimeUpToTheCap() {
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.ejector.isEjected(this.a)).isFalse();
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.ejector.isEjected(this.a)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(75));
		assertThat(this.ejector.isEjected(this.a)).isFalse();
	}

	@Test
	void neverEjectsMoreThanTheMaximumShareOfThePool() {
		fail(this.a, 5);
		fail(this.b, 5);
		assertThat(this.ejector.isEjected(this.a)).isTrue();
		assertThat(this.ejector.isEjected(this.b)).isFalse();
	}

	@Test
	void readmitsABackendThatTurnsHealthy() {
		fail(this.a, 5);
		this.ejector.onHealthChange(this.a, true);
		assertThat(this.ejector.isEjected(this.a)).isFalse();
	}

	@Test
	void ejectsForGatewayErrorsTimeoutsAndResets() {
		answer(this.a, CallOutcome.GATEWAY_ERROR, 2);
		answer(this.a, CallOutcome.TIMEOUT, 2);
		answer(this.a, CallOutcome.RESET, 1);
		assertThat(this.ejector.isEjected(this.a)).isTrue();
	}

	@Test
	void neverEjectsForServerErrorsOrLoadShedding() {
		answer(this.a, CallOutcome.SERVER_ERROR, 20);
		answer(this.a, CallOutcome.SHEDDING_LOAD, 20);
		assertThat(this.ejector.isEjected(this.a)).isFalse();
	}

	@Test
	void aServerErrorEndsTheRunOfGatewayFailures() {
		fail(this.a, 4);
		answer(this.a, CallOutcome.SERVER_ERROR, 1);
		fail(this.a, 4);
		assertThat(this.ejector.isEjected(this.a)).isFalse();
	}

	@Test
	void theMultiplierDropsByOneForEveryDecayIntervalInThePool() {
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(30));
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.ejector.isEjected(this.a)).isFalse();
		assertThat(this.ejector.multiplier(this.a)).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.ejector.multiplier(this.a)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.ejector.multiplier(this.a)).isZero();
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.ejector.isEjected(this.a)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.ejector.isEjected(this.a)).isFalse();
		assertThat(this.ejector.ejections(this.a)).isEqualTo(3);
	}

	@Test
	void logsOnceWhenAnEjectionEnds(CapturedOutput output) {
		fail(this.a, 5);
		this.clock.advance(Duration.ofSeconds(30));
		this.ejector.isEjected(this.a);
		this.ejector.isEjected(this.a);
		assertThat(output.getOut().split("readmitted: its ejection ended", -1)).hasSize(2);
	}

	private void fail(Backend backend, int times) {
		answer(backend, CallOutcome.CONNECT_FAILURE, times);
	}

	private void answer(Backend backend, CallOutcome outcome, int times) {
		for (int i = 0; i < times; i++) {
			this.ejector.onCall(backend, outcome);
		}
	}

}
