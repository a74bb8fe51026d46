package com.example.reactive;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A job every second that runs on one replica per tick, however many replicas there are: it counts its runs in
 * Redis per second, under {@value #KEY_PREFIX}{@code <epoch second>}, so a second that ran twice shows.
 * <p>
 * It runs on the scheduler's thread, not on an event loop, so the blocking Redis template is fine here.
 */
@Component
class TickJob {

	static final String KEY_PREFIX = "example:reactive:ticks:";

	private final StringRedisTemplate redis;

	TickJob(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Scheduled(cron = "* * * * * *")
	@SchedulerLock(name = "reactive-ticks", lockAtLeastFor = "500ms", lockAtMostFor = "10s")
	void tick() {
		String key = KEY_PREFIX + Instant.now().getEpochSecond();
		this.redis.opsForValue().increment(key);
		this.redis.expire(key, Duration.ofHours(1));
	}

}
