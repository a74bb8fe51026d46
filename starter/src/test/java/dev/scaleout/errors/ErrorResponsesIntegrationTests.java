package dev.scaleout.errors;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors on a real server, as a browser and as an API client see them: the application's HTML error page for the
 * one, RFC 9457 problem details for the other.
 */
class ErrorResponsesIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start(OrdersApplication.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /no-such-page, 404", "POST, /orders/1, 405", "GET, /orders/abc, 400" })
	void browsersGetAnHtmlErrorPage(String method, String path, int status) {
		HttpResponse<String> response = send(method, path, BROWSER);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Whitelabel Error Page").contains("status=" + status);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /no-such-page, 404", "POST, /orders/1, 405", "GET, /orders/abc, 400" })
	void jsonClientsGetProblemDetails(String method, String path, int status) {
		assertProblem(send(method, path, "application/json"), status);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /no-such-page, 404", "POST, /orders/1, 405", "GET, /orders/abc, 400" })
	void clientsThatStateNoPreferenceGetProblemDetails(String method, String path, int status) {
		assertProblem(send(method, path, null), status);
		assertProblem(send(method, path, "*/*"), status);
	}

	@Test
	void browsersStillGetTheHeadersOfTheError() {
		HttpResponse<String> browser = send("POST", "/orders/1", BROWSER);
		HttpResponse<String> apiClient = send("POST", "/orders/1", "application/json");
		assertThat(browser.headers().firstValue("Allow")).hasValue("GET")
			.isEqualTo(apiClient.headers().firstValue("Allow"));
	}

	@Test
	void browsersGetTheApplicationsOwnErrorPage() {
		try (RunningApp withPages = RunningApp.start(OrdersWithErrorPagesApplication.class)) {
			HttpResponse<String> response = new CookieJarClient()
				.send(HttpRequest.newBuilder(withPages.uri("/no-such-page")).header("Accept", BROWSER).GET());
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEqualTo("<h1>No such page in our shop</h1>");
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
	}

	private static HttpResponse<String> send(String method, String path, String accept) {
		URI uri = app.uri(path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, BodyPublishers.noBody());
		if (accept != null) {
			request.header("Accept", accept);
		}
		return new CookieJarClient().send(request);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrdersController.class)
	static class OrdersApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrdersController.class)
	static class OrdersWithErrorPagesApplication {

		@Bean
		ErrorViewResolver shopErrorPages() {
			return (request, status, model) -> (status == HttpStatus.NOT_FOUND)
					? new ModelAndView((viewModel, viewRequest, viewResponse) -> {
						viewResponse.setContentType("text/html");
						viewResponse.getWriter().write("<h1>No such page in our shop</h1>");
					}) : null;
		}

	}

	@RestController
	static class OrdersController {

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable int id) {
			return Map.of("id", id);
		}

	}

}
