package com.example.reactive;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import dev.scaleout.work.WorkPool;
import dev.scaleout.work.WorkPoolFullException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebFlux app's CPU-heavy route runs on the starter's bounded work pool, sized by the same
 * {@code scaleout.work.*} properties as for a servlet app; when the pool is full the route answers 503 with
 * {@code Retry-After} at once instead of queueing.
 */
class ReactiveWorkPoolTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aFullPoolAnswers503WithRetryAfterAndTheRouteWorksAgainOnceItHasRoom() throws Exception {
		String[] arguments = Stream.concat(Stream.of(TestRedis.shared().springArguments()),
				Stream.of("--scaleout.work.threads=1", "--scaleout.work.queue=0", "--scaleout.work.retry-after=7s"))
			.toArray(String[]::new);
		try (RunningApp app = RunningApp.start(ReactiveApplication.class, arguments)) {
			CookieJarClient client = new CookieJarClient();
			assertThat(client.get(app.uri("/fibonacci/20")).body()).isEqualTo("6765");

			CountDownLatch release = new CountDownLatch(1);
			AtomicReference<CompletableFuture<Boolean>> occupying = new AtomicReference<>();
			// the pool's one thread is handed back just after the first request's answer: take it once it is free
			await().atMost(Duration.ofSeconds(5))
				.ignoreException(WorkPoolFullException.class)
				.until(() -> occupying.compareAndSet(null,
						app.bean(WorkPool.class).submit(() -> awaitQuietly(release))));
			HttpResponse<String> refused = client.get(app.uri("/fibonacci/20"));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(refused.body()).get("detail").asString()).contains("1 running, 0 waiting");

			release.countDown();
			assertThat(occupying.get().get(10, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> client.get(app.uri("/fibonacci/20")).statusCode() == 200);
		}
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
