package com.example.securedwebflux;

import java.security.Principal;

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

/**
 * An ordinary WebFlux app with Spring Security's form login and the starter: {@code /whoami} answers the logged-in
 * user's name. Outside the sample app's package, so that the sample app's tests still find their one
 * {@code @SpringBootConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecuredWebFluxApplication {

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
