package dev.scaleout.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.test.time.MutableClock;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTests {

	private final List<String> lines = new ArrayList<>();

	private final MutableClock clock = new MutableClock();

	private final OutageLog log = new OutageLog(new NoOpLog() {

		@Override
		public void warn(Object message) {
			OutageLogTests.this.lines.add(String.valueOf(message));
		}

	}, this.clock, Duration.ofSeconds(10));

	@Test
	void logsOneLinePerIntervalNotOnePerFailure() {
		RedisConnectionFailureException refused = new RedisConnectionFailureException("Connection refused");
		assertThat(this.log.warn("Sessions unavailable", refused)).isTrue();
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.log.warn("Sessions unavailable", refused)).isFalse();
		this.clock.advance(Duration.ofSeconds(8));
		assertThat(this.log.warn("Sessions unavailable", refused)).isTrue();
		assertThat(this.lines).containsExactly("Sessions unavailable: Connection refused",
				"Sessions unavailable: Connection refused");
	}

}
