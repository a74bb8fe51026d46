package dev.scaleout.sample;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that requires a password, configured through Spring Boot's {@code spring.data.redis.password}.
 */
class SampleAppRedisPasswordTests {

	@Test
	void sessionsWorkAgainstARedisThatRequiresAPassword() {
		try (TestRedis redis = TestRedis.startDedicated("correct-horse-battery");
				RunningApp app = RunningApp.start(SampleApplication.class, redis.springArguments())) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.post(app.uri("/session/counter")).body()).contains("\"count\":1");
			assertThat(browser.post(app.uri("/session/counter")).body()).contains("\"count\":2");
			assertThat(browser.get(app.uri("/actuator/health")).body()).contains("\"redis\":{\"status\":\"UP\"}");
		}
	}

	@Test
	void wrongPasswordShowsInHealthAndAnswers503NotA500() {
		try (TestRedis redis = TestRedis.startDedicated("correct-horse-battery");
				RunningApp app = RunningApp.start(SampleApplication.class, redis.springArguments()[0],
						redis.springArguments()[1], "--spring.data.redis.password=wrong")) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.get(app.uri("/actuator/health")).body()).contains("\"redis\":{\"status\":\"DOWN\"}");
			assertThat(browser.post(app.uri("/session/counter")).statusCode()).isEqualTo(503);
		}
	}

}
