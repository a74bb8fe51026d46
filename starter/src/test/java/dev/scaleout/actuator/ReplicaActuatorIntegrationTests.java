package dev.scaleout.actuator;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application on the starter, started with parts of the actuator switched off or exposed more widely than
 * Scaleout's defaults.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicaActuatorIntegrationTests {

	private static final String WARNING = "are exposed over HTTP";

	@Test
	void startsWithEveryActuatorEndpointSwitchedOff() {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class, "--management.endpoints.access.default=none")) {
			assertThat(new CookieJarClient().get(app.uri("/actuator/health")).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void startsWithTheHealthEndpointSwitchedOff() {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.endpoint.health.access=none")) {
			assertThat(new CookieJarClient().get(app.uri("/actuator/health")).statusCode()).isEqualTo(404);
			assertThat(new CookieJarClient().get(app.uri("/actuator/info")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void startsWithTheHealthEndpointSwitchedOffAndTheBreakersIndicatorSwitchedOnExplicitly() {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class, "--management.endpoint.health.access=none",
				"--management.health.circuitbreakers.enabled=true")) {
			assertThat(app.context().isActive()).isTrue();
		}
	}

	@Test
	void startsWithResilience4jsHealthIndicatorsSwitchedOff() {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.health.circuitbreakers.enabled=false")) {
			assertThat(app.context().getBeanNamesForType(CircuitBreakersHealthIndicator.class)).isEmpty();
			assertThat(new CookieJarClient().get(app.uri("/actuator/health")).body()).doesNotContain("circuitBreakers");
		}
	}

	@Test
	void breakersAreInHealthWhenHealthIsOn() {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class)) {
			app.bean(CircuitBreakerRegistry.class).circuitBreaker("downstream");
			assertThat(app.context().getBean("circuitBreakersHealthIndicator"))
				.isInstanceOf(CircuitBreakersHealthIndicator.class);
			assertThat(new CookieJarClient().get(app.uri("/actuator/health/circuitBreakers")).body())
				.contains("\"status\":\"UP\"");
			assertThat(new CookieJarClient().get(app.uri("/actuator/health")).body())
				.contains("\"circuitBreakers\":{\"status\":\"UP\"}");
		}
	}

	@Test
	void exposingEveryEndpointLogsOneWarningNamingTheSensitiveOnes(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.endpoints.web.exposure.include=*")) {
			assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING))).singleElement()
				.asString()
				.contains("WARN")
				.contains("HTTP: env,configprops,beans,threaddump,loggers,sessions,mappings.")
				.contains("management.endpoints.web.exposure.include")
				.contains("management.endpoints.web.exposure.exclude=env,configprops,beans,threaddump,loggers,"
						+ "sessions,mappings");
		}
	}

	@Test
	void theWarningNamesWhatIsReachableNotWhatIsListed(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.endpoints.web.exposure.include=health,heapdump,shutdown",
				"--management.endpoint.shutdown.access=unrestricted")) {
			assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING))).singleElement()
				.asString()
				.contains("HTTP: shutdown.");
		}
	}

	@Test
	void exposingAListLogsTheSensitiveOnesOfTheList(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.endpoints.web.exposure.include=health,env,loggers")) {
			assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING))).singleElement()
				.asString()
				.contains("HTTP: env,loggers.");
		}
	}

	@Test
	void scaleoutsExposureLogsNoWarning(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class)) {
			assertThat(output.getOut()).doesNotContain(WARNING);
		}
	}

	@Test
	void endpointsExposedButNotAccessibleLogNoWarning(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ActuatorApplication.class,
				"--management.endpoints.web.exposure.include=*", "--management.endpoints.access.default=none")) {
			assertThat(output.getOut()).doesNotContain(WARNING);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ActuatorApplication {

	}

}
