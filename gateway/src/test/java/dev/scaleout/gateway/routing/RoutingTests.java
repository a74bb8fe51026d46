package dev.scaleout.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.http.LoopbackBackend.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What reaches the replicas and what the gateway answers itself.
 */
class RoutingTests {

	@Test
	void answersAFast503ProblemWithRetryAfterWhenThePoolIsEmpty() {
		try (RunningGateway gateway = RunningGateway.start()) {
			Instant start = Instant.now();
			HttpResponse<String> response = gateway.get("/orders");
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(response.body()).contains("\"status\":503").contains("\"instance\":\"/orders\"");
		}
	}

	@Test
	void answers503WhenEveryBackendIsDown() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.health.interval=100ms",
						"scaleout.gateway.health.fall=1")) {
			backends.get(0).readiness(503);
			await()
				.atMost(Duration.ofSeconds(3))
				.until(() -> gateway.get("/").statusCode() == 503);
			assertThat(gateway.get("/").headers().firstValue("Retry-After")).hasValue("1");
		}
	}

	@Test
	void answers503WithRetryAfterFromTheFirstRequestWhenEveryReplicaIsGone() {
		try (Backends backends = Backends.start(2); RunningGateway gateway = RunningGateway.start(backends.all())) {
			assertThat(gateway.get("/").statusCode()).isEqualTo(200);
			backends.all().forEach(LoopbackBackend::kill);
			for (HttpResponse<String> response : List.of(gateway.get("/orders"), gateway.post("/orders", "{}"))) {
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			}
		}
	}

	@Test
	void answers504WithoutRetryingWhenTheBackendExceedsTheResponseTimeout() {
		try (Backends backends = Backends.start(2);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.response-timeout=300ms")) {
			backends.all().forEach((backend) -> backend.delay(Duration.ofSeconds(2)));
			HttpResponse<String> response = gateway.get("/slow");
			assertThat(response.statusCode()).isEqualTo(504);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(backends.get(0).requests() + backends.get(1).requests()).isEqualTo(1);
		}
	}

	@Test
	void theResponseTimeoutEndsWithTheResponseHeadersSoASlowBodyStillArrives() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.response-timeout=300ms")) {
			backends.get(0).bodyDelay(Duration.ofMillis(1200));
			HttpResponse<String> response = gateway.get("/stream");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"instance\":\"replica-1\"}");
		}
	}

	@Test
	void setsForwardingHeadersAndDropsForgedAndHopByHopOnes() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/path?q=1"))
				.header("X-Forwarded-For", "6.6.6.6")
				.header("X-Real-IP", "6.6.6.6")
				.header("Proxy-Authorization", "Basic c2VjcmV0")
				.GET());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Instance-Id")).hasValue("replica-1");
			RecordedRequest received = backends.get(0).recordedRequests().get(0);
			assertThat(received.uri()).isEqualTo("/path?q=1");
			assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
			assertThat(received.header("X-Real-IP")).isEqualTo("127.0.0.1");
			assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
			assertThat(received.header("X-Forwarded-Host")).isEqualTo(gateway.uri("/").getAuthority());
			assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(gateway.uri("/").getPort()));
			assertThat(received.header("Proxy-Authorization")).isNull();
		}
	}

	@Test
	void neverForwardsActuatorPathsAndExposesOnlyItsOwnEndpoints() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			LoopbackBackend backend = backends.get(0);
			assertThat(gateway.get("/actuator/env").statusCode()).isEqualTo(404);
			assertThat(gateway.get("/actuator/beans").statusCode()).isEqualTo(404);
			assertThat(gateway.get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(gateway.get("/").statusCode()).isEqualTo(200);
			assertThat(gateway.get("/actuator/backends").body()).contains("\"url\":\"" + backend.url() + "\"")
				.contains("\"state\":\"UP\"")
				.contains("\"total\":1");
			assertThat(gateway.get("/actuator/prometheus").body())
				.contains("scaleout_gateway_backend_requests_total{backend=\"" + backend.url() + "\"}");
			assertThat(backend.recordedRequests()).extracting(RecordedRequest::uri).containsExactly("/");
		}
	}

}
