package dev.scaleout.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis round trips of the sample app's requests, counted by a Lettuce command listener on the commands that
 * request threads send: a request that only reads its session costs one, a request that changes it two, with the
 * sample's session locks on (the lock is taken by the script that loads the session and released by the one that
 * saves it).
 */
class SampleAppSessionRoundTripTests {

	private static final TestRedis redis = TestRedis.shared();

	private static final List<String> requestCommands = new CopyOnWriteArrayList<>();

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start(SampleApplication.class, redis.springArguments()[0], redis.springArguments()[1],
				"--scaleout.instance.id=round-trips");
		app.bean(LettuceConnectionFactory.class).getRequiredNativeClient().addListener(new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				// Scheduled jobs use Redis too, on their own threads.
				if (Thread.currentThread().getName().startsWith("http-")) {
					requestCommands.add(event.getCommand().getType().toString());
				}
			}

		});
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void readingTheSessionCostsOneRoundTripAndChangingItTwo() {
		CookieJarClient browser = new CookieJarClient();
		browser.post(app.uri("/session/counter"));
		browser.post(app.uri("/session/counter"));
		requestCommands.clear();
		assertThat(browser.get(app.uri("/session/counter")).body()).contains("\"count\":2");
		assertThat(requestCommands).containsExactly("HGETALL");
		requestCommands.clear();
		browser.post(app.uri("/session/counter"));
		assertThat(requestCommands).containsExactly("EVALSHA", "EVALSHA");
	}

	@Test
	void readingTheSessionOfALoggedInUserCostsOneRoundTrip() {
		CookieJarClient browser = new CookieJarClient();
		browser.postForm(app.uri("/login"), Map.of("username", "demo", "password", "demo"));
		browser.get(app.uri("/me"));
		requestCommands.clear();
		assertThat(browser.get(app.uri("/me")).statusCode()).isEqualTo(200);
		assertThat(requestCommands).containsExactly("HGETALL");
	}

}
