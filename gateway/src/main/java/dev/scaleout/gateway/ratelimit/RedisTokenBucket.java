package dev.scaleout.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A token bucket per client in Redis, run by Spring Cloud Gateway's own
 * {@code request_rate_limiter.lua} script. Unlike the gateway's {@code RedisRateLimiter},
 * which always lets requests through when Redis fails, what happens then is the
 * operator's explicit choice; each failure is counted and the first one after a healthy
 * period is logged.
 */
final class RedisTokenBucket {

	private static final Log logger = LogFactory.getLog(RedisTokenBucket.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisScript<List<Long>> script;

	private final RateLimitProperties properties;

	private final List<String> arguments;

	private final Counter redisFailures;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	RedisTokenBucket(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script, RateLimitProperties properties,
			MeterRegistry registry) {
		this.redis = redis;
		this.script = script;
		this.properties = properties;
		this.arguments = List.of(String.valueOf(properties.replenishRate()), String.valueOf(properties.burstCapacity()),
				"", "1");
		this.redisFailures = Counter.builder("scaleout.gateway.rate.limit.redis.failures")
			.description("Rate limit decisions made without Redis because it could not be reached")
			.register(registry);
	}

	Mono<RateLimiterDecision> take(String client) {
		// hash tags keep both keys of a client on one Redis Cluster slot
		String prefix = "scaleout_rate_limit.{" + client + "}.";
		return this.redis.execute(this.script, List.of(prefix + "tokens", prefix + "timestamp"), this.arguments)
			.next()
			.timeout(this.properties.redisTimeout())
			.map(this::decided)
			.onErrorResume((failure) -> Mono.just(redisFailed(failure)));
	}

	private RateLimiterDecision decided(List<Long> result) {
		if (this.redisDown.compareAndSet(true, false)) {
			logger.info("Redis is reachable again; rate limiting resumed");
		}
		return new RateLimiterDecision(result.get(0) == 1L, result.get(1), false);
	}

	private RateLimiterDecision redisFailed(Throwable failure) {
		this.redisFailures.increment();
		boolean allow = this.properties.onRedisFailure() == RateLimitProperties.OnRedisFailure.ALLOW;
		if (this.redisDown.compareAndSet(false, true)) {
			logger.warn("Redis is unreachable for rate limiting (" + failure + "); requests are "
					+ (allow ? "allowed unlimited" : "refused with 503")
					+ " until it is back (scaleout.gateway.rate-limit.on-redis-failure="
					+ this.properties.onRedisFailure().name().toLowerCase() + ")");
		}
		return new RateLimiterDecision(allow, -1, true);
	}

}
