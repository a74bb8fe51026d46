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
			// Six requests at once-a-second replenishment: a slow machine may earn a token back between two of them,
			// so the refusal checked is the first one rather than the one at a fixed position.
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				responses.add(gateway.get("/"));
			}
			List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
			assertThat(statuses).startsWith(200, 200).contains(429).containsOnly(200, 429);
			HttpResponse<String> refused = responses.get(statuses.indexOf(429));
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
