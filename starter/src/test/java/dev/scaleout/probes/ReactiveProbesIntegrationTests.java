package dev.scaleout.probes;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * A WebFlux application on Netty whose own Spring Security chain denies every request: its liveness and readiness
 * probes still answer, and nothing else does.
 */
class ReactiveProbesIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = start("reactive-probes");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void livenessAndReadinessAnswerWithoutCredentialsAndCreateNoSession() {
		assertThat(((WebServerApplicationContext) app.context()).getWebServer()).isInstanceOf(NettyWebServer.class);
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			for (String accept : new String[] { null, "application/json", BROWSER }) {
				HttpResponse<String> response = get(app.uri(probe), accept);
				assertThat(response.statusCode()).as(probe).isEqualTo(200);
				assertThat(response.body()).contains("\"status\":\"UP\"");
				assertThat(response.headers().allValues("Set-Cookie")).as(probe).isEmpty();
			}
		}
		assertThat(TestRedis.shared().command("KEYS", "reactive-probes:*").lines().filter((key) -> !key.isBlank()))
			.isEmpty();
	}

	@Test
	void everythingElseIsStillDenied() {
		assertThat(get(app.uri("/"), null).statusCode()).isEqualTo(401);
		assertThat(get(app.uri("/actuator/health"), null).statusCode()).isEqualTo(401);
		assertThat(get(app.uri("/actuator/info"), null).statusCode()).isEqualTo(401);
		assertThat(get(app.uri("/actuator/health/readiness/readinessState"), null).statusCode())
			.as("beneath a probe").isEqualTo(401);
		assertThat(get(app.uri("/actuator/health/liveness/"), null).statusCode()).isEqualTo(401);
	}

	@Test
	void theProbesAdditionalPathsAnswerToo() {
		try (RunningApp withPaths = start("reactive-probes-livez",
				"--management.endpoint.health.probes.add-additional-paths=true")) {
			assertThat(get(withPaths.uri("/livez"), null).statusCode()).isEqualTo(200);
			assertThat(get(withPaths.uri("/readyz"), null).statusCode()).isEqualTo(200);
			assertThat(get(withPaths.uri("/actuator/health"), null).statusCode()).isEqualTo(401);
		}
	}

	private static RunningApp start(String namespace, String... arguments) {
		List<String> args = new ArrayList<>(Arrays.asList(TestRedis.shared().springArguments()));
		args.add("--spring.main.web-application-type=reactive");
		args.add("--spring.autoconfigure.exclude=");
		args.add("--spring.session.data.redis.namespace=" + namespace);
		args.addAll(Arrays.asList(arguments));
		return RunningApp.start(DeniedReactiveApplication.class, args.toArray(String[]::new));
	}

	private static HttpResponse<String> get(URI uri, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return new CookieJarClient().send(request);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DeniedReactiveApplication {

		@Bean
		RouterFunction<ServerResponse> hello() {
			return RouterFunctions.route().GET("/", (request) -> ServerResponse.ok().bodyValue("hello")).build();
		}

		@Bean
		SecurityWebFilterChain everythingIsDenied(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().denyAll())
				.httpBasic(withDefaults())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("user").password("{noop}secret").build());
		}

	}

}
