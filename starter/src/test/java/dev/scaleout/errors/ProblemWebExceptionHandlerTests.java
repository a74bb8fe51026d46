package dev.scaleout.errors;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProblemWebExceptionHandlerTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(
			ServerCodecConfigurer.create().getWriters());

	@Test
	void apiClientsGetTheProblemDetailsOfSpringsOwnExceptions() {
		MockServerWebExchange exchange = exchange("application/json");
		handle(exchange, new ServerWebInputException("Failed to read HTTP message"));
		JsonNode problem = problem(exchange, HttpStatus.BAD_REQUEST);
		assertThat(problem.get("instance").asString()).isEqualTo("/orders");
	}

	@Test
	void theHeadersOfTheErrorAreKept() {
		ErrorResponseException full = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
		full.getHeaders().set("Retry-After", "3");
		MockServerWebExchange exchange = exchange(null);
		handle(exchange, full);
		problem(exchange, HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
	}

	@Test
	void anUnexpectedFailureIsA500WithoutItsMessageOrStackTrace() {
		MockServerWebExchange exchange = exchange("*/*");
		handle(exchange, new IllegalStateException("secret internals"));
		JsonNode problem = problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.toString()).doesNotContain("secret internals")
			.doesNotContain("IllegalStateException")
			.doesNotContain("trace");
		assertThat(problem.get("detail").asString()).isEqualTo("Internal Server Error.");
	}

	@Test
	void anExceptionAnnotatedWithAStatusGetsThatStatus() {
		MockServerWebExchange exchange = exchange("application/json");
		handle(exchange, new NoSuchOrderException());
		problem(exchange, HttpStatus.NOT_FOUND);
	}

	@Test
	void browsersArePassedOnToSpringBootsErrorPages() {
		IllegalStateException failure = new IllegalStateException("failed");
		MockServerWebExchange exchange = exchange(BROWSER);
		assertThatIllegalStateException().isThrownBy(() -> handle(exchange, failure)).isSameAs(failure);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	private void handle(MockServerWebExchange exchange, Throwable ex) {
		this.handler.handle(exchange, ex).block(Duration.ofSeconds(5));
	}

	private static MockServerWebExchange exchange(String accept) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/orders");
		if (accept != null) {
			request.header("Accept", accept);
		}
		return MockServerWebExchange.from(request);
	}

	private static JsonNode problem(MockServerWebExchange exchange, HttpStatus status) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)));
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NoSuchOrderException extends RuntimeException {

	}

}
