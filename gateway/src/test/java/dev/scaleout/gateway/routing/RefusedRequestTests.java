package dev.scaleout.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses on its own endpoints is problem+json, as every answer it writes
 * itself, and never reaches a replica.
 */
class RefusedRequestTests {

	@Test
	void aMethodTheEndpointDoesNotAllowIsA405ProblemThatSaysWhichAreAllowed() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			HttpResponse<String> response = gateway.post("/actuator/backends", "{}");
			assertThat(response.statusCode()).isEqualTo(405);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
					(allow) -> assertThat(allow).contains("GET"));
			assertThat(response.body()).contains("\"status\":405", "\"instance\":\"/actuator/backends\"");
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

	@Test
	void aRepresentationTheEndpointCannotProduceIsA406Problem() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			HttpResponse<String> response = gateway
				.send(HttpRequest.newBuilder(gateway.uri("/actuator/backends")).header("Accept", "image/png"));
			assertThat(response.statusCode()).isEqualTo(406);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":406");
		}
	}

	@Test
	void aBodyOfATypeTheEndpointDoesNotReadIsA415Problem() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), WRITABLE_LOGGERS)) {
			HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/actuator/loggers/x"))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("DEBUG")));
			assertThat(response.statusCode()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":415");
			assertThat(backends.get(0).recordedRequests()).isEmpty();
		}
	}

	@Test
	void aBodyLargerThanTheEndpointReadsIsA413Problem() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start(backends.all(), WRITABLE_LOGGERS)) {
			String large = "{\"configuredLevel\":\"DEBUG\",\"padding\":\"" + "x".repeat(300_000) + "\"}";
			HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/actuator/loggers/x"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(large)));
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":413");
		}
	}

	/** The one gateway endpoint that reads a body, exposed for these tests only. */
	private static final String WRITABLE_LOGGERS = "management.endpoints.web.exposure.include=health,loggers";

}
