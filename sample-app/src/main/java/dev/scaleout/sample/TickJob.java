package dev.scaleout.sample;

import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job every second that runs on one replica per tick, however many replicas there are: it adds 1 to a counter in
 * Redis, which {@code GET /jobs/ticks} reads.
 * <p>
 * The cron expression fires on every replica at the same wall-clock second; the first to take the lock runs the
 * tick, and holding the lock for at least half a second keeps a replica whose clock lags a little from running the
 * same tick again.
 */
@Component
@RestController
class TickJob {

	static final String COUNTER_KEY = "scaleout:sample:ticks";

	private final StringRedisTemplate redis;

	TickJob(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Scheduled(cron = "* * * * * *")
	@SchedulerLock(name = "sample-ticks", lockAtLeastFor = "500ms", lockAtMostFor = "10s")
	void tick() {
		this.redis.opsForValue().increment(COUNTER_KEY);
	}

	@GetMapping("/jobs/ticks")
	Map<String, Object> ticks() {
		String ticks = this.redis.opsForValue().get(COUNTER_KEY);
		return Map.of("ticks", (ticks != null) ? Long.parseLong(ticks) : 0L);
	}

}
