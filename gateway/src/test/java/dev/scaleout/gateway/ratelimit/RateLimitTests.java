package dev.scaleout.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster-wide rate limit against a real Redis, and without one.
 */
class RateLimitTests {

	@Test
	void refusesAClientOverItsBurstWith429() {
		try (TestRedis redis = TestRedis.startDedicated();
				Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.rate-limit.enabled=true",
						"scaleout.gateway.rate-limit.replenish-rate=1", "scaleout.gateway.rate-limit.burst-capacity=3",
						"scaleout.gateway.rate-limit.redis-timeout=2s", "spring.data.redis.host=" + redis.host(),
						"spring.data.redis.port=" + redis.port())) {
			// At once-a-second replenishment a slow machine may earn a token back between two requests, so requests
			// go on until the first refusal (at the 4th on a quick machine), never more than 20.
			List<HttpResponse<String>> responses = new ArrayList<>();
			while (responses.size() < 20
					&& (responses.isEmpty() || responses.get(responses.size() - 1).statusCode() != 429)) {
				responses.add(gateway.get("/"));
			}
			List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
			assertThat(statuses).startsWith(200, 200, 200).endsWith(429).containsOnly(200, 429);
			HttpResponse<String> refused = responses.get(responses.size() - 1);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(backends.get(0).requests()).isEqualTo((int) statuses.stream().filter((status) -> status == 200).count());
		}
	}

	@Test
	void failsClosedWhenRedisIsUnreachableAndToldToDeny() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.rate-limit.enabled=true",
						"scaleout.gateway.rate-limit.on-redis-failure=deny", "spring.data.redis.port=" + freePort())) {
			assertThat(gateway.get("/").statusCode()).isEqualTo(503);
			assertThat(gateway.get("/actuator/prometheus").body())
				.containsPattern("scaleout_gateway_rate_limit_redis_failures_total [1-9]");
			assertThat(backends.get(0).requests()).isZero();
		}
	}

	@Test
	void failsOpenWhenRedisIsUnreachableByDefault() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.rate-limit.enabled=true",
						"spring.data.redis.port=" + freePort())) {
			assertThat(gateway.get("/").statusCode()).isEqualTo(200);
			assertThat(gateway.get("/actuator/health").statusCode()).isEqualTo(200);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
