package com.example.reactive;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors of the WebFlux app on Netty, as a browser and as an API client see them: Spring Boot's HTML error page for
 * the one, RFC 9457 problem details for the other — bad requests a 4xx, never a stack trace.
 */
class ReactiveErrorResponsesTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start(ReactiveApplication.class, TestRedis.shared().springArguments());
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@ParameterizedTest
	@CsvSource({ "/no-such-page, 404", "/orders/abc, 400", "/fibonacci/abc, 500" })
	void apiClientsGetProblemDetails(String path, int status) {
		assertProblem(send(HttpRequest.newBuilder(app.uri(path)).header("Accept", "application/json")), status);
		assertProblem(send(HttpRequest.newBuilder(app.uri(path))), status);
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequest() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/orders"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"item\": \"coffee\", ")));
		assertProblem(response, 400);
	}

	@Test
	void aFailureShowsNeitherItsMessageNorItsStackTrace() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/fibonacci/abc")));
		assertThat(response.body()).doesNotContain("NumberFormatException")
			.doesNotContain("For input string")
			.doesNotContain("trace")
			.doesNotContain("at com.example");
	}

	@Test
	void browsersGetTheApplicationsOwnErrorPage() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(app.uri("/no-such-page")).header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<h1>No such page here</h1>");
	}

	@Test
	void browsersGetSpringBootsPageForAStatusTheApplicationHasNoPageFor() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/orders/abc")).header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Whitelabel Error Page");
	}

	@Test
	void goodRequestsAreAnsweredAsBefore() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/orders"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"id\": 7, \"item\": \"coffee\", \"quantity\": 2}")));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue("/orders/7");
		assertThat(send(HttpRequest.newBuilder(app.uri("/orders/7"))).statusCode()).isEqualTo(200);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("trace")).isFalse();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		return new CookieJarClient().send(request);
	}

}
