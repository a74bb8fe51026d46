package com.example.reactive;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * An ordinary Spring WebFlux app: a greeting and a counter in the WebSession (read with GET,
 * incremented with POST), nothing of
 * Scaleout but the starter on its class path.
 */
@SpringBootApplication
public class ReactiveApplication {

	/**
	 * The session attribute of the counter, an Integer: the sample servlet app's, so that both count on in one
	 * session.
	 */
	static final String COUNTER = "counter";

	public static void main(String[] args) {
		SpringApplication.run(ReactiveApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/hello", (request) -> ServerResponse.ok().body(Mono.just("hello"), String.class))
			.GET("/session/counter", (request) -> request.session()
				.flatMap((session) -> ServerResponse.ok()
					.bodyValue(String.valueOf(session.<Integer>getAttributeOrDefault(COUNTER, 0)))))
			.POST("/session/counter", (request) -> request.session().flatMap((session) -> {
				int count = session.<Integer>getAttributeOrDefault(COUNTER, 0) + 1;
				session.getAttributes().put(COUNTER, count);
				return ServerResponse.ok().bodyValue(String.valueOf(count));
			}))
			.build();
	}

}
