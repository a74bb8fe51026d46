package dev.scaleout.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.app.Simultaneously;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests of one session that race each other on two replicas: none answers 500 because a concurrent request
 * deleted its session (a logout) or changed its id (a login), and nothing is logged at ERROR. Session locks are off
 * here, so that the requests really race.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppSessionRaceTests {

	private static final TestRedis redis = TestRedis.shared();

	private static RunningApp a;

	private static RunningApp b;

	@BeforeAll
	static void startReplicas() {
		a = replica("race-a");
		b = replica("race-b");
	}

	@AfterAll
	static void stopReplicas() {
		a.close();
		b.close();
	}

	@Test
	void eightSimultaneousLoginsOnOneSessionAllSucceedAndLeaveTheBrowserLoggedIn(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		assertThat(browser.post(a.uri("/session/counter")).statusCode()).isEqualTo(200);
		List<Integer> statuses = Simultaneously.send(8, 1,
				(i) -> browser.postForm(replica(i).uri("/login"), Map.of("username", "demo", "password", "demo")));
		assertThat(statuses).containsOnly(200);
		assertThat(browser.get(b.uri("/me")).statusCode()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain("ERROR [race-");
	}

	@Test
	void aLogoutWhileOtherRequestsOfItsSessionAreInFlightFailsNone(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		browser.postForm(a.uri("/login"), Map.of("username", "demo", "password", "demo"));
		List<Integer> statuses = Simultaneously.send(24, 10, (i) -> {
			if (i == 12) {
				return browser.post(replica(i).uri("/logout"));
			}
			return switch (i % 3) {
				case 0 -> browser.get(replica(i).uri("/me"));
				case 1 -> browser.post(replica(i).uri("/session/counter"));
				default -> browser.get(replica(i).uri("/session/counter"));
			};
		});
		assertThat(statuses).doesNotContain(500).containsOnly(200, 204, 401);
		assertThat(output.getOut()).doesNotContain("ERROR [race-");
	}

	private static RunningApp replica(int i) {
		return (i % 2 == 0) ? a : b;
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		args.add("--scaleout.session.lock.enabled=false");
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

}
