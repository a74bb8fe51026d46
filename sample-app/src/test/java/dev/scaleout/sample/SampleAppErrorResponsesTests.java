package dev.scaleout.sample;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error an API client can meet on the sample app is {@code application/problem+json} — those of Spring MVC,
 * of Spring Security's filters and of Tomcat itself — while a browser asking for a page still gets an HTML page.
 * Number parameters are plain ASCII decimal.
 */
class SampleAppErrorResponsesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	private static RunningApp app;

	@BeforeAll
	static void startApp() {
		app = RunningApp.start(SampleApplication.class, redis.springArguments()[0], redis.springArguments()[1],
				"--server.tomcat.max-http-form-post-size=1KB");
	}

	@AfterAll
	static void stopApp() {
		app.close();
	}

	@Test
	void aCrossSiteChangeRefusedByTheCsrfCheckIsAProblem() {
		HttpResponse<String> refused = send(post("/session/counter", "").header("Sec-Fetch-Site", "cross-site"));
		assertProblem(refused, 403);
		assertThat(read(refused).get("instance").asString()).isEqualTo("/session/counter");
	}

	@Test
	void aFormLargerThanTomcatReadsIsAProblem() {
		assertProblem(send(form("/guestbook", "text=" + "x".repeat(2048))), 413);
	}

	@Test
	void invalidUtf8AtLoginIsAProblem() {
		assertProblem(send(form("/login", "username=%ff%fe&password=x")), 400);
	}

	@Test
	void anUnsupportedMethodIsAProblemNamingTheAllowedOnes() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/session/counter")).DELETE());
		assertProblem(response, 405);
		assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
				(allow) -> assertThat(allow).contains("GET").contains("POST"));
	}

	@Test
	void anUnsupportedContentTypeIsAProblem() {
		assertProblem(send(post("/guestbook", "<text/>").header("Content-Type", "application/xml")), 415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a%2fb", "/a%2Fb", "/a%ffb", "/guestbook%2f..%2factuator", "/a%5cb" })
	void aPathTomcatRefusesIsAProblem(String path) {
		assertProblem(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))), 400);
	}

	@Test
	void aBrowserAskingForAPageStillGetsHtml() {
		HttpResponse<String> refusedPath = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/a%2fb")).header("Accept",
						"text/html"));
		assertThat(refusedPath.statusCode()).isEqualTo(400);
		assertThat(refusedPath.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		HttpResponse<String> refusedChange = send(post("/session/counter", "").header("Sec-Fetch-Site", "cross-site")
			.header("Accept", "text/html"));
		assertThat(refusedChange.statusCode()).isEqualTo(403);
		assertThat(refusedChange.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fib/0x10", "/fib/+5", "/fib/%2B5", "/fib/%D9%A5", "/fib/%EF%BC%95", "/fib/%E0%A5%AB",
			"/fib/1e1", "/fib/%2310", "/slow?ms=0x10", "/slow?ms=%2B5", "/slow?ms=%D9%A5", "/slow?ms=5.0" })
	void aNumberParameterIsPlainAsciiDecimalOnly(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri(path)));
		assertProblem(response, 400);
	}

	@Test
	void plainDecimalNumbersStillWork() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/fib/10")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(read(response).get("fib").asLong()).isEqualTo(55);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
	}

	private static HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(app.uri(path)).POST(BodyPublishers.ofString(body));
	}

	private static HttpRequest.Builder form(String path, String body) {
		return post(path, body).header("Content-Type", "application/x-www-form-urlencoded");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		return new CookieJarClient().send(request);
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
