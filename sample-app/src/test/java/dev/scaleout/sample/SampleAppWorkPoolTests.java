package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /fib/{n}} on a work pool of one thread and a queue of one, under 16 concurrent clients.
 */
class SampleAppWorkPoolTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void saturatedPoolShedsWith503AndRetryAfterAndNeverA500() {
		try (RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments()[0],
				TestRedis.shared().springArguments()[1], "--scaleout.work.threads=1", "--scaleout.work.queue=1")) {
			List<HttpResponse<String>> responses = IntStream.range(0, 16)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> new CookieJarClient().get(app.uri("/fib/38"))))
				.toList()
				.stream()
				.map(CompletableFuture::join)
				.toList();
			assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
			HttpResponse<String> shed = responses.stream().filter((r) -> r.statusCode() == 503).findFirst().get();
			assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			HttpResponse<String> done = responses.stream().filter((r) -> r.statusCode() == 200).findFirst().get();
			assertThat(json.readTree(done.body()).get("fib").asLong()).isEqualTo(39088169L);
			assertThat(new CookieJarClient().get(app.uri("/actuator/prometheus")).body())
				.contains("resilience4j_bulkhead_max_thread_pool_size{name=\"work\"} 1.0");
		}
	}

	@Test
	void fibonacciIsComputedOnThePool() {
		try (RunningApp app = RunningApp.start(SampleApplication.class, TestRedis.shared().springArguments())) {
			HttpResponse<String> response = new CookieJarClient().get(app.uri("/fib/20"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("fib").asLong()).isEqualTo(6765L);
		}
	}

}
