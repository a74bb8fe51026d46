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
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * An application we did not write, whose own Spring Security chain requires a form login or HTTP Basic for every
 * request, on a real server with sessions in a real Redis: its liveness and readiness probes still answer.
 */
class ProbesIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void livenessAndReadinessAnswerWithoutCredentialsAndCreateNoSession() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-open")) {
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				for (String accept : new String[] { null, "application/json", BROWSER }) {
					HttpResponse<String> response = get(app.uri(probe), accept);
					assertThat(response.statusCode()).as(probe).isEqualTo(200);
					assertThat(response.body()).contains("\"status\":\"UP\"");
					assertThat(response.headers().allValues("Set-Cookie")).as(probe).isEmpty();
				}
			}
			assertThat(sessions("probes-open")).isZero();
			assertThat(get(app.uri("/"), BROWSER).statusCode()).as("a page saved for after the login").isEqualTo(302);
			assertThat(sessions("probes-open")).as("a saved request is a session in Redis").isOne();
		}
	}

	@Test
	void probesWithASessionCookieAnswerWhileRedisIsDown() {
		try (TestRedis redis = TestRedis.startDedicated();
				RunningApp app = RunningApp.start(LockedDownApplication.class, redis.springArguments()[0],
						redis.springArguments()[1], "--spring.autoconfigure.exclude=")) {
			CookieJarClient browser = new CookieJarClient();
			assertThat(browser.send(HttpRequest.newBuilder(app.uri("/")).header("Accept", BROWSER)).statusCode())
				.isEqualTo(302);
			assertThat(browser.cookie("SESSION")).isNotNull();
			redis.stop();
			assertThat(browser.get(app.uri("/actuator/health/readiness")).statusCode()).isEqualTo(200);
			assertThat(browser.get(app.uri("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void everythingElseStillNeedsALogin() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-locked")) {
			assertThat(get(app.uri("/"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/"), BROWSER).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
			assertThat(get(app.uri("/actuator/health"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/actuator/info"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/actuator/health/readiness/readinessState"), null).statusCode())
				.as("beneath a probe").isEqualTo(401);
			assertThat(get(app.uri("/actuator/health/liveness/"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void probesMoveWithTheActuatorsBasePath() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-base",
				"--management.endpoints.web.base-path=/manage")) {
			assertThat(get(app.uri("/manage/health/liveness"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/manage/health/readiness"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/manage/health"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void probesAnswerOnASeparateManagementPort() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-port", "--management.server.port=0",
				"--management.server.address=127.0.0.1")) {
			int port = app.context().getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			URI management = URI.create("http://127.0.0.1:" + port);
			HttpResponse<String> liveness = get(management.resolve("/actuator/health/liveness"), null);
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(get(management.resolve("/actuator/health/readiness"), null).statusCode()).isEqualTo(200);
			assertThat(sessions("probes-port")).isZero();
			assertThat(get(management.resolve("/actuator/health"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void theProbesAdditionalPathsAnswerToo() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-livez",
				"--management.endpoint.health.probes.add-additional-paths=true")) {
			assertThat(get(app.uri("/livez"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/readyz"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/actuator/health"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void otherHealthGroupsCanBeProbes() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-groups",
				"--management.endpoint.health.group.startup.include=ping",
				"--management.endpoint.health.group.startup.additional-path=server:/startupz",
				"--scaleout.probes.groups=liveness,startup")) {
			assertThat(get(app.uri("/actuator/health/startup"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/startupz"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(200);
			assertThat(get(app.uri("/actuator/health/readiness"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void canBeSwitchedOff() {
		try (RunningApp app = start(LockedDownApplication.class, "probes-off", "--scaleout.probes.open=false")) {
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(401);
			assertThat(sessions("probes-off")).as("each refused probe leaves a session behind").isOne();
		}
	}

	@Test
	void anApplicationChainOrderedBeforeTheProbesTakesThemOver() {
		try (RunningApp app = start(ProbesBehindLoginApplication.class, "probes-own")) {
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/"), null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void withSpringBootsDefaultSecurityEverythingElseStaysSecured() {
		try (RunningApp app = start(DefaultSecurityApplication.class, "probes-default")) {
			assertThat(get(app.uri("/actuator/health/liveness"), null).statusCode()).isEqualTo(200);
			assertThat(sessions("probes-default")).isZero();
			assertThat(get(app.uri("/"), null).statusCode()).isEqualTo(401);
			assertThat(get(app.uri("/actuator/info"), null).statusCode()).isEqualTo(401);
		}
	}

	private static RunningApp start(Class<?> application, String namespace, String... arguments) {
		List<String> args = new ArrayList<>(Arrays.asList(TestRedis.shared().springArguments()));
		args.add("--spring.autoconfigure.exclude=");
		args.add("--spring.session.data.redis.namespace=" + namespace);
		args.addAll(Arrays.asList(arguments));
		return RunningApp.start(application, args.toArray(String[]::new));
	}

	private static long sessions(String namespace) {
		return TestRedis.shared().command("KEYS", namespace + ":*").lines().filter((key) -> !key.isBlank()).count();
	}

	private static HttpResponse<String> get(URI uri, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return new CookieJarClient().send(request);
	}

	@RestController
	static class HelloController {

		@GetMapping("/")
		String hello() {
			return "hello";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class LockedDownApplication {

		@Bean
		SecurityFilterChain everythingNeedsALogin(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(withDefaults())
				.httpBasic(withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").build());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class ProbesBehindLoginApplication {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SecurityFilterChain actuatorNeedsALogin(HttpSecurity http) {
			return http.securityMatcher("/actuator/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(withDefaults())
				.build();
		}

		@Bean
		SecurityFilterChain everythingNeedsALogin(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").build());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class DefaultSecurityApplication {

	}

}
