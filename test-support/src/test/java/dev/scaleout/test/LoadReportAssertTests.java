package dev.scaleout.test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadReportAssertTests {

	private static final String LOAD = "4 clients sending GET /cart";

	@Test
	void passesWhenNoRequestFailedAndTheLoadRanItsCourse() {
		assertThat(new LoadReport("replica-b killed", LOAD, 120, List.of(), true)).hasNoFailedRequest();
	}

	@Test
	void failedRequestsAreListedWithTheStepTheCauseAndTheFix() {
		LoadReport report = new LoadReport("replica-b killed", LOAD, 120,
				List.of(new LoadReport.FailedRequest("/cart", "502 from gateway: Bad Gateway", Duration.ofMillis(35)),
						new LoadReport.FailedRequest("/cart", "java.net.ConnectException: null", Duration.ofMillis(41))),
				true);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(report).hasNoFailedRequest())
			.withMessageStartingWith("2 of 120 requests failed while replica-b killed (4 clients sending GET /cart):")
			.withMessageContaining("  - GET /cart -> 502 from gateway: Bad Gateway (35 ms after the step began)")
			.withMessageContaining("  - GET /cart -> java.net.ConnectException: null (41 ms after the step began)")
			.withMessageContaining("Cause: a request that reached a replica as it went away")
			.withMessageContaining("Fix: keep Spring Boot's graceful shutdown (server.shutdown=graceful");
	}

	@Test
	void listsTenFailuresAndCountsTheRest() {
		List<LoadReport.FailedRequest> failures = IntStream.range(0, 13)
			.mapToObj((i) -> new LoadReport.FailedRequest("/" + i, "500", Duration.ofMillis(i)))
			.toList();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(new LoadReport("a rolling restart of 2 replicas", LOAD, 500, failures, true))
				.hasNoFailedRequest())
			.withMessageContaining("GET /9 -> 500")
			.withMessageNotContaining("GET /10 ")
			.withMessageContaining("… and 3 more");
	}

	@Test
	void aLoadStoppedByItsBoundsBeforeTheStepWasOverFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(new LoadReport("replica-a stopped gracefully", LOAD, 20000, List.of(), false))
				.hasNoFailedRequest())
			.withMessage("The load (4 clients sending GET /cart) stopped at a bound after 20000 requests, before it"
					+ " could run on after replica-a stopped gracefully: give it more room with"
					+ " Load.atMost(requests, duration)");
	}

}
