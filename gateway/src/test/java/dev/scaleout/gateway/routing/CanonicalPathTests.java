package dev.scaleout.gateway.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
					"\\actuator/env")) {
				assertThat(rawStatusLine(gateway, path)).as(path).startsWith("HTTP/1.1 400");
			}
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

	/**
	 * Sends a request line that {@link java.net.URI} would refuse to build.
	 */
	private static String rawStatusLine(RunningGateway gateway, String path) throws IOException {
		URI base = gateway.uri("/");
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			String statusLine = in.readLine();
			return (statusLine != null) ? statusLine : "";
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
