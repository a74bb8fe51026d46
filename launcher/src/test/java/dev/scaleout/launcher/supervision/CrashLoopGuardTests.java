package dev.scaleout.launcher.supervision;

import java.time.Duration;

import dev.scaleout.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit on restarts of one replica within a window.
 */
class CrashLoopGuardTests {

	private final MutableClock clock = new MutableClock();

	private final CrashLoopGuard guard = new CrashLoopGuard(3, Duration.ofMinutes(5), this.clock);

	@Test
	void allowsMaxRestartsThenRefuses() {
		assertThat(this.guard.tryRestart()).isTrue();
		assertThat(this.guard.tryRestart()).isTrue();
		assertThat(this.guard.tryRestart()).isTrue();
		assertThat(this.guard.tryRestart()).isFalse();
		assertThat(this.guard.tryRestart()).isFalse();
	}

	@Test
	void forgetsRestartsOlderThanTheWindow() {
		this.guard.tryRestart();
		this.clock.advance(Duration.ofMinutes(2));
		this.guard.tryRestart();
		this.guard.tryRestart();
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.guard.tryRestart()).isTrue();
		assertThat(this.guard.tryRestart()).isFalse();
	}

	@Test
	void allowsRestartsAgainOnceReset() {
		for (int i = 0; i < 3; i++) {
			this.guard.tryRestart();
		}
		this.guard.reset();
		assertThat(this.guard.tryRestart()).isTrue();
	}

	@Test
	void zeroMaxRestartsNeverRestarts() {
		assertThat(new CrashLoopGuard(0, Duration.ofMinutes(5), this.clock).tryRestart()).isFalse();
	}

}
