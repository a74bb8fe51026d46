package dev.scaleout.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The root {@code docker-compose.yml}: one host, the same stack in production shape.
 */
class DockerComposeTests {

	private final ComposeFile compose = ComposeFile.read();

	@Test
	void definesRedisAppAndGatewayEachWithAHealthcheck() {
		for (String name : List.of("redis", "app", "gateway")) {
			YamlNode test = this.compose.service(name).at("healthcheck.test");
			assertThat(test.isPresent()).as(name + " healthcheck.test").isTrue();
			assertThat(this.compose.service(name).at("healthcheck.disable").optionalText()).as(name + " healthcheck")
				.isNotEqualTo(Optional.of("true"));
		}
	}

	@Test
	void runsOfficialRedisWithAppendOnlyPersistenceOnAVolumeCheckedByPing() {
		YamlNode redis = this.compose.service("redis");
		assertThat(redis.at("image").text()).startsWith("redis:");
		assertThat(String.join(" ", redis.at("command").texts())).contains("--appendonly yes");
		assertThat(redis.at("volumes").texts()).as("redis volumes").anyMatch((volume) -> volume.endsWith(":/data"));
		String volume = redis.at("volumes").texts().stream()
			.filter((entry) -> entry.endsWith(":/data"))
			.map((entry) -> entry.substring(0, entry.indexOf(':')))
			.findFirst()
			.orElseThrow();
		assertThat(this.compose.volumes().entries()).as("named volumes").containsKey(volume);
		assertThat(String.join(" ", redis.at("healthcheck.test").texts())).contains("redis-cli ping");
	}

	@Test
	void makesRedisRequireThePasswordTheAppAndTheGatewaySend() {
		List<String> command = this.compose.service("redis").at("command").texts();
		int option = command.indexOf("--requirepass");
		assertThat(option).as("redis command --requirepass").isNotNegative();
		String password = command.get(option + 1);
		assertThat(password).as("the default password").isNotBlank();
		assertThat(ComposeFile.environmentOf(this.compose.service("redis"))).as("redis-cli's password")
			.containsEntry("REDISCLI_AUTH", password);
		for (String name : List.of("app", "gateway")) {
			SpringSettings settings = SpringSettings.fromEnvironment(ComposeFile.environmentOf(this.compose.service(name)));
			assertThat(settings.text("spring.data.redis.password")).as(name + " spring.data.redis.password")
				.contains(password);
		}
		assertThat(Repository.read(ComposeFile.PATH)).as("the password comes from REDIS_PASSWORD")
			.contains("${REDIS_PASSWORD:-" + password + "}");
	}

	@Test
	void usesOnlyKeysThatDockerCompose129Accepts() {
		// docker-compose 1.29 (Debian's) refuses a top-level name: the project name comes from -p instead.
		assertThat(this.compose.topLevel().keySet()).as("top-level keys")
			.allMatch((key) -> key.startsWith("x-") || List.of("services", "volumes", "networks").contains(key));
	}

	@Test
	void runsAtLeastTwoAppReplicasOnceRedisIsHealthy() {
		YamlNode app = this.compose.service("app");
		assertThat(app.at("deploy.replicas").integer()).as("app deploy.replicas").isEqualTo(3);
		assertThat(app.at("depends_on.redis.condition").optionalText()).as("app depends_on redis")
			.contains("service_healthy");
		assertThat(app.at("ports").isPresent()).as("app publishes no host port, so it can scale").isFalse();
		assertThat(app.at("container_name").isPresent()).as("app has no fixed container name").isFalse();
	}

	@Test
	void checksAppHealthOnItsReadinessGroupAtItsServerPort() {
		YamlNode app = this.compose.service("app");
		SpringSettings settings = SpringSettings.fromEnvironment(ComposeFile.environmentOf(app));
		int port = settings.integer("server.port").orElse(8080);
		assertThat(String.join(" ", app.at("healthcheck.test").texts()))
			.contains("localhost:" + port + "/actuator/health/readiness");
	}

	@Test
	void connectsTheAppToTheRedisService() {
		SpringSettings app = SpringSettings.fromEnvironment(ComposeFile.environmentOf(this.compose.service("app")));
		assertThat(app.text("spring.data.redis.host")).as("spring.data.redis.host").contains("redis");
		assertThat(app.integer("spring.data.redis.port").orElse(6379)).isEqualTo(6379);
	}

	@Test
	void publishesTheGatewayOn8080OnceTheAppIsHealthy() {
		YamlNode gateway = this.compose.service("gateway");
		SpringSettings settings = SpringSettings.fromEnvironment(ComposeFile.environmentOf(gateway));
		int port = settings.integer("server.port").orElse(8080);
		assertThat(gateway.at("ports").texts()).as("gateway ports, on this host only by default")
			.contains("127.0.0.1:8080:" + port);
		assertThat(gateway.at("depends_on.app.condition").optionalText()).as("gateway depends_on app")
			.contains("service_healthy");
		assertThat(String.join(" ", gateway.at("healthcheck.test").texts()))
			.contains("localhost:" + port + "/actuator/health/readiness");
	}

	@Test
	void pointsTheGatewayAtEveryAppReplicaThroughDockerDns() {
		SpringSettings gateway = SpringSettings
			.fromEnvironment(ComposeFile.environmentOf(this.compose.service("gateway")));
		SpringSettings app = SpringSettings.fromEnvironment(ComposeFile.environmentOf(this.compose.service("app")));
		assertThat(gateway.text("scaleout.gateway.discovery")).as("scaleout.gateway.discovery").contains("dns");
		String host = gateway.text("scaleout.gateway.dns.host")
			.orElseGet(() -> fail("gateway: scaleout.gateway.dns.host is not set"));
		assertThat(this.compose.services()).as("scaleout.gateway.dns.host names a compose service").containsKey(host);
		assertThat(host).isEqualTo("app");
		assertThat(gateway.integer("scaleout.gateway.dns.port")).as("scaleout.gateway.dns.port")
			.contains(app.integer("server.port").orElse(8080));
		assertThat(gateway.duration("scaleout.gateway.dns.refresh-interval"))
			.as("scaleout.gateway.dns.refresh-interval")
			.hasValueSatisfying((interval) -> assertThat(interval).isPositive());
	}

	@Test
	void stopsEveryJavaServiceOnlyAfterDrainAndShutdownHaveHadTheirTime() {
		for (String name : List.of("app", "gateway")) {
			YamlNode service = this.compose.service(name);
			SpringSettings settings = SpringSettings.fromEnvironment(ComposeFile.environmentOf(service));
			Duration needed = settings.drainDelay().plus(settings.shutdownTimeout());
			Duration grace = service.at("stop_grace_period").optionalText()
				.map(DockerComposeTests::composeDuration)
				.orElse(Duration.ofSeconds(10));
			assertThat(grace).as(name + " stop_grace_period against drain + shutdown").isGreaterThan(needed);
		}
	}

	@Test
	void usesAHealthcheckToolTheRunImageHas() {
		for (String name : List.of("app", "gateway")) {
			YamlNode service = this.compose.service(name);
			List<String> test = service.at("healthcheck.test").texts();
			assertThat(test.get(0)).as(name + " healthcheck form").isEqualTo("CMD");
			String tool = test.get(1);
			Dockerfile dockerfile = Dockerfile.read(service.at("build.dockerfile").text());
			assertThat(dockerfile.finalStage().all("RUN")).as(dockerfile.path() + " makes sure " + tool + " is there")
				.anyMatch((run) -> run.arguments().contains(tool));
		}
	}

	/** Compose durations: {@code 30s}, {@code 1m30s}, {@code 500ms}. */
	private static Duration composeDuration(String text) {
		Duration total = Duration.ZERO;
		Matcher part = Pattern.compile("(\\d+)(ms|us|ns|h|m|s)").matcher(text);
		while (part.find()) {
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "h" -> Duration.ofHours(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "ms" -> Duration.ofMillis(amount);
				case "us" -> Duration.ofNanos(amount * 1000);
				default -> Duration.ofNanos(amount);
			});
		}
		return total;
	}

}
