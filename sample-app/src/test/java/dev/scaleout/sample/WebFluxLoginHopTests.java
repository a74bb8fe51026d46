package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.security.Principal;

import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux app with Spring Security's form login, as two replicas behind the gateway: a login on one replica holds
 * on the other, since its security context is in the WebSession in Redis, and a logout on the other ends it on both.
 * The app is an ordinary one (Spring Boot's reactive security, a user store, a form login), here beside the sample
 * app because this module's test class path has Spring Security.
 */
@ReplicatedSpringBootTest(classes = WebFluxLoginHopTests.SecuredWebFluxApplication.class,
		webFlux = WebFluxLoginHopTests.SecuredWebFluxApplication.class, gateway = true)
class WebFluxLoginHopTests {

	@Test
	void aLoginOnOneWebFluxReplicaHoldsOnTheOtherAndThroughTheGateway(Replicas replicas) {
		ReplicaClient first = replicas.client().onReplica(0);
		assertThat(first.get("/whoami").statusCode()).as("before logging in").isEqualTo(302);
		HttpResponse<String> login = first.formLogin("/login", "alice", "secret");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> onTheOther = first.onReplica(1).get("/whoami");
		assertThat(onTheOther.statusCode()).isEqualTo(200);
		assertThat(onTheOther.body()).isEqualTo("alice");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> throughGateway = first.throughGateway().get("/whoami");
			assertThat(throughGateway.statusCode()).isEqualTo(200);
			assertThat(throughGateway.body()).isEqualTo("alice");
		}
	}

	@Test
	void aLogoutOnOneWebFluxReplicaEndsTheLoginOnTheOther(Replicas replicas) {
		ReplicaClient first = replicas.client().onReplica(0);
		assertThat(first.formLogin("/login", "alice", "secret").statusCode()).isEqualTo(302);
		ReplicaClient second = first.onReplica(1);
		assertThat(second.get("/whoami").statusCode()).isEqualTo(200);
		assertThat(second.postForm("/logout", java.util.Map.of("_csrf", second.csrfToken("/logout"))).statusCode())
			.isEqualTo(302);
		assertThat(first.get("/whoami").statusCode()).as("on the first replica after the logout").isEqualTo(302);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredWebFluxApplication {

		@Bean
		RouterFunction<ServerResponse> whoami() {
			return RouterFunctions.route()
				.GET("/whoami", (request) -> request.principal()
					.map(Principal::getName)
					.flatMap((name) -> ServerResponse.ok().bodyValue(name)))
				.build();
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/whoami").authenticated()
				.anyExchange()
				.permitAll()).formLogin(Customizer.withDefaults()).logout(Customizer.withDefaults()).build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("alice").password("{noop}secret").roles("USER").build());
		}

	}

}
