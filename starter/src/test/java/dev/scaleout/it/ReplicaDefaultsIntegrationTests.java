package dev.scaleout.it;

import java.net.http.HttpResponse;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What adding the starter alone gives an application, on a real server with a real Redis.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicaDefaultsIntegrationTests {

	@Test
	void everyLogLineNamesTheInstance(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ReplicaTestApplication.class, "--scaleout.instance.id=log-check")) {
			assertThat(output.getOut().lines().filter((line) -> line.contains("Started ReplicaTestApplication")))
				.singleElement()
				.asString()
				.contains("[log-check]");
		}
	}

	@Test
	void readinessStaysUpWhileRedisIsDownAndHealthShowsRedisDown() {
		try (TestRedis redis = TestRedis.startDedicated();
				RunningApp app = RunningApp.start(ReplicaTestApplication.class, redis.springArguments()[0],
						redis.springArguments()[1], "--spring.data.redis.timeout=1s")) {
			CookieJarClient client = new CookieJarClient();
			assertThat(client.get(app.uri("/actuator/health")).body()).contains("\"redis\":{\"status\":\"UP\"}");
			redis.stop();
			HttpResponse<String> health = client.get(app.uri("/actuator/health"));
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"}");
			HttpResponse<String> readiness = client.get(app.uri("/actuator/health/readiness"));
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"status\":\"UP\"");
			assertThat(client.get(app.uri("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		}
	}

}
