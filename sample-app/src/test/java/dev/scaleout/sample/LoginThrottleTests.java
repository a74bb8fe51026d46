package dev.scaleout.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How lockouts grow, on a real Redis: none for the free failures, then doubling with each failure up to the longest.
 */
class LoginThrottleTests {

	private final TestRedis redis = TestRedis.shared();

	private final LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
			new RedisStandaloneConfiguration(this.redis.host(), this.redis.port()));

	private final String user = "user-" + UUID.randomUUID();

	private final String address = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0xffff));

	@AfterEach
	void close() {
		this.connectionFactory.destroy();
	}

	@Test
	void lockoutsDoubleWithEachFailureBeyondTheFreeOnesUpToTheLongest() {
		LoginThrottle throttle = throttle(new SampleProperties.Login(2, 100, Duration.ofSeconds(1),
				Duration.ofSeconds(4), Duration.ofHours(1)));
		List<Duration> lockouts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			lockouts.add(throttle.failed(this.user, this.address));
		}
		assertThat(lockouts).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(4), Duration.ofSeconds(4));
		assertThat(throttle.lockedFor(this.user.toUpperCase(), "192.0.2.1")).as("user names compared ignoring case")
			.isPositive()
			.isLessThanOrEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void anAddressIsLockedOutWhateverTheUserName() {
		LoginThrottle throttle = throttle(new SampleProperties.Login(100, 2, Duration.ofMinutes(10),
				Duration.ofHours(1), Duration.ofHours(2)));
		for (int i = 0; i < 3; i++) {
			throttle.failed(this.user + i, this.address);
		}
		assertThat(throttle.lockedFor(null, this.address)).isPositive();
		assertThat(throttle.lockedFor(this.user, "192.0.2.1")).isZero();
	}

	@Test
	void aLoginForgetsTheFailuresOfItsUserNameButNotThoseOfItsAddress() {
		LoginThrottle throttle = throttle(new SampleProperties.Login(1, 1, Duration.ofMinutes(10),
				Duration.ofHours(1), Duration.ofHours(2)));
		throttle.failed(this.user, this.address);
		throttle.failed(this.user, this.address);
		throttle.succeeded(this.user);
		assertThat(throttle.lockedFor(this.user, "192.0.2.1")).isZero();
		assertThat(throttle.lockedFor(this.user, this.address)).isPositive();
	}

	private LoginThrottle throttle(SampleProperties.Login settings) {
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		return new LoginThrottle(new StringRedisTemplate(this.connectionFactory), settings);
	}

}
