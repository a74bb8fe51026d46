package com.example.reactive;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.scaleout.work.WorkPool;

/**
 * An ordinary Spring WebFlux app: a greeting and a counter in the WebSession (read with GET,
 * incremented with POST), orders in an annotated controller, a CPU-heavy route on the
 * starter's work pool, a redirect, a job that runs every second and its own page for 404
 * ({@code static/error/404.html}) — nothing of Scaleout but the starter on its class path
 * and its work pool.
 */
@SpringBootApplication
@EnableScheduling
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
	RouterFunction<ServerResponse> routes(WorkPool workPool) {
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
			// the event loop only waits for the pool: the work itself runs on one of its threads
			.GET("/fibonacci/{n}", (request) -> {
				int n = Integer.parseInt(request.pathVariable("n"));
				return workPool.mono(() -> fibonacci(n))
					.flatMap((result) -> ServerResponse.ok().bodyValue(String.valueOf(result)));
			})
			.GET("/checkout", (request) -> ServerResponse
				.seeOther(request.uriBuilder().replacePath("/hello").replaceQuery(null).build())
				.build())
			.build();
	}

	static long fibonacci(int n) {
		return (n < 2) ? n : fibonacci(n - 1) + fibonacci(n - 2);
	}

}
