package dev.scaleout.gateway.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Operator settings in one Redis hash, shared by every gateway on that Redis and kept
 * across restarts. Each gateway re-reads the hash every refresh interval (and at once
 * after its own changes), so a change made on one gateway applies on all within that
 * interval. While Redis cannot be read the last snapshot stays in force: an outage of the
 * store never changes routing.
 */
final class RedisOperatorSettings implements OperatorSettingsStore, SmartLifecycle {

	/** The hash: field = replica address, value = mode|weight|changedAtMillis|changedBy. */
	static final String KEY = "scaleout:gateway:operator-settings";

	private static final Log logger = LogFactory.getLog(RedisOperatorSettings.class);

	private final ReactiveStringRedisTemplate redis;

	private final Duration refreshInterval;

	private volatile Map<String, OperatorSetting> snapshot = Map.of();

	private volatile boolean unreadable;

	private volatile @Nullable Disposable refreshing;

	RedisOperatorSettings(ReactiveStringRedisTemplate redis, Duration refreshInterval) {
		this.redis = redis;
		this.refreshInterval = refreshInterval;
	}

	@Override
	public Map<String, OperatorSetting> snapshot() {
		return this.snapshot;
	}

	@Override
	public Mono<Void> put(String address, OperatorSetting setting) {
		return this.redis.opsForHash().put(KEY, address, encode(setting)).then(refresh());
	}

	@Override
	public Mono<Void> forget(Set<String> addresses) {
		if (addresses.isEmpty()) {
			return Mono.empty();
		}
		return this.redis.opsForHash().remove(KEY, addresses.toArray()).then(refresh());
	}

	/**
	 * Reads the hash into the snapshot.
	 * @return completes when read
	 */
	Mono<Void> refresh() {
		return this.redis.<String, String>opsForHash()
			.entries(KEY)
			.collectList()
			.doOnNext((entries) -> {
				Map<String, OperatorSetting> read = new HashMap<>();
				entries.forEach((entry) -> {
					OperatorSetting setting = decode(entry.getValue());
					if (setting != null) {
						read.put(entry.getKey(), setting);
					}
				});
				this.snapshot = Map.copyOf(read);
				if (this.unreadable) {
					this.unreadable = false;
					logger.info("Operator settings are read from Redis again");
				}
			})
			.then();
	}

	@Override
	public void start() {
		this.refreshing = Flux.interval(Duration.ZERO, this.refreshInterval)
			.onBackpressureDrop()
			.concatMap((tick) -> refresh().onErrorResume(this::keepLastSnapshot))
			.subscribe();
	}

	private Mono<Void> keepLastSnapshot(Throwable failure) {
		if (!this.unreadable) {
			this.unreadable = true;
			logger.warn("Operator settings cannot be read from Redis (" + failure.getMessage()
					+ "); the last ones read stay in force");
		}
		return Mono.empty();
	}

	@Override
	public void stop() {
		Disposable refreshing = this.refreshing;
		if (refreshing != null) {
			refreshing.dispose();
		}
		this.refreshing = null;
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

	static String encode(OperatorSetting setting) {
		return setting.mode().value() + "|" + ((setting.weight() != null) ? setting.weight() : "") + "|"
				+ setting.changedAt().toEpochMilli() + "|" + setting.changedBy();
	}

	static @Nullable OperatorSetting decode(String value) {
		String[] parts = value.split("\\|", 4);
		if (parts.length != 4) {
			return null;
		}
		try {
			ReplicaMode mode = ReplicaMode.valueOf(parts[0].toUpperCase(Locale.ROOT));
			Integer weight = parts[1].isEmpty() ? null : Integer.valueOf(parts[1]);
			return new OperatorSetting(mode, weight, Instant.ofEpochMilli(Long.parseLong(parts[2])), parts[3]);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
