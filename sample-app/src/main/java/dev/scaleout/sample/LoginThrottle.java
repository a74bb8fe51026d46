package dev.scaleout.sample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Failed logins counted in Redis per user name and per client address, so that every replica sees the same count:
 * past the free failures of a name or an address, each further failure locks it out for twice as long as the last,
 * up to the longest lockout. The lockouts are Redis keys that expire, so no replica's clock is involved.
 */
final class LoginThrottle {

	/**
	 * Counts a failure and, past the free ones, sets the lockout: its length in milliseconds, or 0.
	 */
	private static final RedisScript<Long> FAILURE = RedisScript.of("""
			local failures = redis.call('INCR', KEYS[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			local beyond = failures - tonumber(ARGV[1])
			if beyond <= 0 then
				return 0
			end
			local lockout = math.min(tonumber(ARGV[2]) * 2 ^ math.min(beyond - 1, 40), tonumber(ARGV[3]))
			lockout = math.floor(lockout)
			redis.call('SET', KEYS[2], failures, 'PX', lockout)
			return lockout
			""", Long.class);

	private static final String PREFIX = "scaleout-sample:login:";

	private final StringRedisTemplate redis;

	private final SampleProperties.Login settings;

	LoginThrottle(StringRedisTemplate redis, SampleProperties.Login settings) {
		this.redis = redis;
		this.settings = settings;
	}

	/**
	 * How long a login for this user name from this address must wait.
	 * @param userName the user name given, if any
	 * @param address the client's address, as forwarded by a trusted proxy
	 * @return the time left of the longer lockout, or zero
	 */
	Duration lockedFor(@Nullable String userName, String address) {
		long left = timeLeft(lockKey(address(address)));
		if (userName != null) {
			left = Math.max(left, timeLeft(lockKey(user(userName))));
		}
		return Duration.ofMillis(left);
	}

	/**
	 * Counts a failed login.
	 * @param userName the user name given
	 * @param address the client's address
	 * @return the lockout this failure started, or zero
	 */
	Duration failed(String userName, String address) {
		long byUser = count(user(userName), this.settings.freeFailures());
		long byAddress = count(address(address), this.settings.freeFailuresPerAddress());
		return Duration.ofMillis(Math.max(byUser, byAddress));
	}

	/**
	 * Forgets the failures of a user name that logged in. Those of its address stay: an attacker who knows one
	 * password must not reset the count of the names he tries.
	 * @param userName the user name
	 */
	void succeeded(String userName) {
		String user = user(userName);
		this.redis.delete(List.of(failuresKey(user), lockKey(user)));
	}

	private long count(String subject, int free) {
		Long lockout = this.redis.execute(FAILURE, List.of(failuresKey(subject), lockKey(subject)),
				Integer.toString(free), Long.toString(this.settings.firstLockout().toMillis()),
				Long.toString(this.settings.maxLockout().toMillis()),
				Long.toString(this.settings.forgetAfter().toMillis()));
		return (lockout != null) ? lockout : 0;
	}

	private long timeLeft(String key) {
		Long left = this.redis.getExpire(key, TimeUnit.MILLISECONDS);
		return (left != null && left > 0) ? left : 0;
	}

	/**
	 * A user name as the user store compares it: Spring Security's in-memory store ignores case.
	 */
	private static String user(String userName) {
		return "{user:" + userName.toLowerCase(Locale.ROOT) + "}";
	}

	private static String address(String address) {
		return "{address:" + address + "}";
	}

	private static String failuresKey(String subject) {
		return PREFIX + subject + ":failures";
	}

	private static String lockKey(String subject) {
		return PREFIX + subject + ":lockout";
	}

}
