package com.example.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.ReactiveSessionRepository;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's reactive session repository costs a WebFlux request what it costs a servlet one: one Redis round
 * trip for a request that only reads its session (the access is written at most once a minute), two for one that
 * writes it — counted as the commands the app sends about sessions, not timed.
 */
class ReactiveSessionRoundTripsTests {

	@Test
	void aRequestThatReadsItsSessionCostsOneRoundTripAndOneThatWritesItTwo() {
		TestRedis redis = TestRedis.shared();
		try (RunningApp app = RunningApp.start(ReactiveApplication.class, "--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port())) {
			assertThat(app.bean(ReactiveSessionRepository.class).getClass().getSimpleName())
				.isEqualTo("ScriptedReactiveRedisSessionRepository");
			List<String> sessionCommands = recordSessionCommands(app);
			CookieJarClient browser = new CookieJarClient();
			// The first requests also load the scripts into Redis.
			assertThat(browser.post(app.uri("/session/counter")).body()).isEqualTo("1");
			assertThat(browser.post(app.uri("/session/counter")).body()).isEqualTo("2");

			sessionCommands.clear();
			assertThat(browser.get(app.uri("/session/counter")).body()).isEqualTo("2");
			assertThat(sessionCommands).as("a reading request").containsExactly("HGETALL");

			sessionCommands.clear();
			assertThat(browser.post(app.uri("/session/counter")).body()).isEqualTo("3");
			assertThat(sessionCommands).as("a writing request").containsExactly("HGETALL", "EVALSHA");
		}
	}

	/**
	 * Records the type of each command the app sends whose arguments name a session key.
	 */
	private static List<String> recordSessionCommands(RunningApp app) {
		List<String> commands = new CopyOnWriteArrayList<>();
		app.bean(LettuceConnectionFactory.class).getRequiredNativeClient().addListener(new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (String.valueOf(event.getCommand().getArgs().toCommandString()).contains(":sessions:")) {
					commands.add(event.getCommand().getType().toString());
				}
			}

		});
		return commands;
	}

}
