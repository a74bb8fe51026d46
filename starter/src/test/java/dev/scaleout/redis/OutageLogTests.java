package dev.scaleout.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTests {

	private final List<String> lines = new ArrayList<>();

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final OutageLog log = new OutageLog(new NoOpLog() {

		@Override
		public void warn(Object message) {
			OutageLogTests.this.lines.add(String.valueOf(message));
		}

	}, new Clock() {

		@Override
		public Instant instant() {
			return OutageLogTests.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}, Duration.ofSeconds(10));

	@Test
	void logsOneLinePerIntervalNotOnePerFailure() {
		RedisConnectionFailureException refused = new RedisConnectionFailureException("Connection refused");
		assertThat(this.log.warn("Sessions unavailable", refused)).isTrue();
		this.now = this.now.plusSeconds(3);
		assertThat(this.log.warn("Sessions unavailable", refused)).isFalse();
		this.now = this.now.plusSeconds(8);
		assertThat(this.log.warn("Sessions unavailable", refused)).isTrue();
		assertThat(this.lines).containsExactly("Sessions unavailable: Connection refused",
				"Sessions unavailable: Connection refused");
	}

}
