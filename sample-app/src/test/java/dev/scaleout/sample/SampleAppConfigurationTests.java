package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample app's own settings, and Spring Boot's that it relies on.
 */
class SampleAppConfigurationTests {

	@Test
	void demoUserIsOverridableWithAnotherHashedPassword() {
		// {noop} keeps the test readable; production settings carry a {bcrypt} hash.
		try (RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.sample.user.name=alice",
				"--scaleout.sample.user.password={noop}secret")) {
			CookieJarClient browser = new CookieJarClient();
			HttpResponse<String> login = browser.postForm(app.uri("/login"),
					Map.of("username", "alice", "password", "secret"));
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(browser.postForm(app.uri("/login"), Map.of("username", "demo", "password", "demo"))
				.statusCode()).isEqualTo(401);
		}
	}

	@Test
	void secureCookieIsConfigurable() {
		try (RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--server.servlet.session.cookie.secure=true")) {
			HttpResponse<String> response = new CookieJarClient().post(app.uri("/session/counter"));
			assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
					(cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
		}
	}

	@Test
	void blankDemoUserNameFailsStartupNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> RunningApp.start(SampleApplication.class, "--scaleout.sample.user.name= "))
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("scaleout.sample.user")
				.hasStackTraceContaining("name"));
	}

	@Test
	void aLongestLockoutShorterThanTheFirstFailsStartupNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> RunningApp.start(SampleApplication.class, "--scaleout.sample.login.first-lockout=1m",
					"--scaleout.sample.login.max-lockout=10s"))
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("scaleout.sample.login.max-lockout")
				.hasStackTraceContaining("at least the first one"));
	}

}
