package dev.scaleout.gateway.routing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;
import dev.scaleout.test.http.LoopbackBackend.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No spelling of the gateway's own paths reaches a replica: ambiguous paths are refused
 * before routing, with 400 problem+json.
 */
class CanonicalPathTests {

	private static final List<String> SPELLINGS_OF_THE_ACTUATOR = List.of("//actuator/prometheus",
			"//actuator/health", "/./actuator/prometheus", "/actuator/./env", "/%61ctuator/prometheus",
			"/actuator%2fprometheus", "/actuator%2Fenv", "/actuator;x/prometheus", "/actuator/prometheus;x",
			"/x/../actuator/env", "/x/..%2factuator/env", "/x/%2e%2e/actuator/env", "/actuator/health/..%2f..%2fenv",
			"/actuator/health/../../env", "/actuator%5cenv", "/%2561ctuator/env",
			"/actuator//env");

	@Test
	void noSpellingOfTheActuatorReachesAReplicaAndEachIsAProblem() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			LoopbackBackend replica = backends.get(0);
			for (String path : SPELLINGS_OF_THE_ACTUATOR) {
				HttpResponse<String> response = gateway.get(path);
				assertThat(response.statusCode()).as(path).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("X-Instance-Id")).as(path).isEmpty();
			}
			assertThat(replica.recordedRequests()).isEmpty();
		}
	}

	@Test
	void malformedEncodingsAndRawBackslashesAreRefusedToo() throws IOException {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			for (String path : List.of("/actuator/%", "/actuator/%zz", "/%zzactuator/env", "/actuator\\env",
					"\\actuator/env", "/a|b", "/a%2")) {
				String answer = RawHttp.exchange(gateway.uri("/"), "GET " + path + " HTTP/1.1\r\n");
				assertThat(answer).as(path)
					.startsWith("HTTP/1.1 400")
					.contains("content-type: application/problem+json", "\"status\":400");
			}
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

	@Test
	void aRequestLineOrHeadersOverTheLimitsAreProblemsToo() throws IOException {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			String longLine = RawHttp.exchange(gateway.uri("/"), "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n");
			assertThat(longLine).startsWith("HTTP/1.1 414")
				.contains("content-type: application/problem+json", "\"status\":414");
			String bigHeaders = RawHttp.exchange(gateway.uri("/"),
					"GET / HTTP/1.1\r\nCookie: " + "c".repeat(20_000) + "\r\n");
			assertThat(bigHeaders).startsWith("HTTP/1.1 431")
				.contains("content-type: application/problem+json", "\"status\":431");
			String notHttp = RawHttp.exchange(gateway.uri("/"), "GET / HTTP/1.1\r\nno colon here\r\n");
			assertThat(notHttp).startsWith("HTTP/1.1 400")
				.contains("content-type: application/problem+json", "\"status\":400");
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

	@Test
	void aMalformedRequestPipelinedBehindAGoodOneDoesNotOvertakeItsAnswer() throws IOException {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			String answers = RawHttp.exchange(gateway.uri("/"),
					"GET /first HTTP/1.1\r\nHost: gateway\r\n\r\nGET /%zz HTTP/1.1\r\n");
			// Reactor Netty answers the first and then closes or answers 400: the 400 never comes first
			assertThat(answers).startsWith("HTTP/1.1 200").contains("{\"instance\":\"replica-1\"}");
			assertThat(backends.get(0).recordedRequests()).extracting(RecordedRequest::uri).containsExactly("/first");
		}
	}

	@Test
	void forwardsCanonicalPathsWithEncodedReservedCharactersAndAnyQuery() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			for (String path : List.of("/", "/orders/", "/a%20b/c%3Fd", "/caf%C3%A9", "/search?q=..%2f%2e;x//y")) {
				assertThat(gateway.get(path).statusCode()).as(path).isEqualTo(200);
			}
			assertThat(backends.get(0).recordedRequests()).extracting(RecordedRequest::uri)
				.containsExactly("/", "/orders/", "/a%20b/c%3Fd", "/caf%C3%A9", "/search?q=..%2f%2e;x//y");
		}
	}

	@Test
	void theGatewaysOwnEndpointsAnswerOnlyOnTheirCanonicalPath() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			assertThat(gateway.get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(gateway.get("/actuator/prometheus").statusCode()).isEqualTo(200);
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

}
