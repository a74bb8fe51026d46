package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica whose Redis misbehaves: a session it cannot read, and Redis going away and coming back. Each test has a
 * Redis of its own, which it may stop.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppRedisTroubleTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestRedis redis;

	private RunningApp app;

	@BeforeEach
	void start() {
		this.redis = TestRedis.startDedicated();
		this.app = RunningApp.start(SampleApplication.class, this.redis.springArguments()[0],
				this.redis.springArguments()[1], "--scaleout.instance.id=trouble");
	}

	@AfterEach
	void stop() {
		this.app.close();
		this.redis.close();
	}

	@Test
	void aCorruptAttributeIsDroppedAloneWithOneWarningAndTheSessionKept(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		browser.post(this.app.uri("/session/counter"));
		browser.post(this.app.uri("/session/counter"));
		String key = "spring:session:sessions:" + new String(Base64.getDecoder().decode(browser.cookie("SESSION")),
				StandardCharsets.UTF_8);
		this.redis.command("HSET", key, "sessionAttr:counter", "\u00ac\u00ed\u0000\u0005 not json");

		HttpResponse<String> response = browser.post(this.app.uri("/session/counter"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("count").asInt()).isEqualTo(1);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(output.getOut().lines().filter((line) -> line.contains("Dropping session attribute 'counter'")))
			.hasSize(1);
		assertThat(this.redis.command("HGET", key, "sessionAttr:counter")).isEqualTo("1");
	}

	@Test
	void redisOutageGivesSessionRoutesA503AndLeavesOtherRoutesWorking(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		assertThat(browser.post(this.app.uri("/session/counter")).statusCode()).isEqualTo(200);
		this.redis.stop();

		HttpResponse<String> counter = browser.post(this.app.uri("/session/counter"));
		assertThat(counter.statusCode()).isEqualTo(503);
		assertThat(counter.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(counter.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(json.readTree(counter.body()).get("status").asInt()).isEqualTo(503);
		assertThat(new CookieJarClient().post(this.app.uri("/session/counter")).statusCode()).isEqualTo(503);

		assertThat(browser.get(this.app.uri("/")).statusCode()).as("with a session cookie").isEqualTo(200);
		assertThat(new CookieJarClient().get(this.app.uri("/")).statusCode()).as("without").isEqualTo(200);
		assertThat(browser.get(this.app.uri("/actuator/health/readiness")).statusCode()).isEqualTo(200);
		HttpResponse<String> health = browser.get(this.app.uri("/actuator/health"));
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"}");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test
	void sessionRoutesRecoverWhenRedisReturnsWithoutARestart() {
		CookieJarClient browser = new CookieJarClient();
		this.redis.stop();
		assertThat(browser.post(this.app.uri("/session/counter")).statusCode()).isEqualTo(503);
		this.redis.start();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser.post(this.app.uri("/session/counter")).statusCode() == 200);
		assertThat(json.readTree(browser.post(this.app.uri("/session/counter")).body()).get("count").asInt())
			.isEqualTo(2);
	}

}
