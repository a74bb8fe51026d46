package dev.scaleout.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static dev.scaleout.deploy.PodTemplates.containers;
import static dev.scaleout.deploy.PodTemplates.podLabels;
import static dev.scaleout.deploy.PodTemplates.resolvePort;
import static dev.scaleout.deploy.PodTemplates.selects;
import static dev.scaleout.deploy.RenderedBase.APP;
import static dev.scaleout.deploy.RenderedBase.GATEWAY;
import static dev.scaleout.deploy.RenderedBase.NAMESPACE;
import static dev.scaleout.deploy.RenderedBase.deployment;
import static dev.scaleout.deploy.RenderedBase.manifests;
import static dev.scaleout.deploy.RenderedBase.settingsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The objects of the kustomize base in {@code k8s/}, rendered offline as {@code kubectl apply -k k8s/} would send
 * them: namespace, replicas, Services and discovery, Redis, settings, disruption budget and autoscaler.
 */
class KustomizeBaseTests {

	@Test
	void putsEveryObjectInTheScaleoutNamespace() {
		assertThat(manifests().named("Namespace", NAMESPACE)).isNotNull();
		for (YamlNode object : manifests().all()) {
			if (!object.at("kind").text().equals("Namespace")) {
				assertThat(object.at("metadata.namespace").optionalText()).as(object.origin()).contains(NAMESPACE);
			}
		}
	}

	@Test
	void runsTheAppAsThreeReplicasRolledWithoutLosingCapacity() {
		YamlNode app = deployment(APP);
		assertThat(app.at("spec.replicas").integer()).as("app replicas").isEqualTo(3);
		assertKeepsCapacityWhileRolling(app);
	}

	@Test
	void runsTwoGatewayReplicasRolledWithoutLosingCapacity() {
		YamlNode gateway = deployment(GATEWAY);
		assertThat(gateway.at("spec.replicas").integer()).as("gateway replicas").isEqualTo(2);
		assertKeepsCapacityWhileRolling(gateway);
	}

	@Test
	void exposesTheAppThroughAHeadlessAndANormalService() {
		YamlNode app = deployment(APP);
		List<YamlNode> services = servicesSelecting(app);
		assertThat(services).as("Services selecting the app pods").hasSizeGreaterThanOrEqualTo(2);
		assertThat(services).as("a headless app Service").anyMatch(KustomizeBaseTests::isHeadless);
		assertThat(services).as("a normal app Service").anyMatch((service) -> !isHeadless(service));
		int appPort = containers(app).get(0).at("ports").items().get(0).at("containerPort").integer();
		for (YamlNode service : services) {
			assertThat(targetPorts(service, containers(app).get(0))).as(service.origin() + " target port")
				.contains(appPort);
		}
	}

	@Test
	void pointsTheGatewayAtTheAppsHeadlessServiceAndPort() {
		YamlNode app = deployment(APP);
		YamlNode appContainer = containers(app).get(0);
		int appServerPort = settingsOf(appContainer).integer("server.port").orElse(8080);
		for (YamlNode container : containers(deployment(GATEWAY))) {
			SpringSettings gateway = settingsOf(container);
			assertThat(gateway.text("scaleout.gateway.discovery")).as("scaleout.gateway.discovery").contains("dns");
			String host = gateway.text("scaleout.gateway.dns.host")
				.orElseGet(() -> fail("%s: scaleout.gateway.dns.host is not set", container.origin()));
			YamlNode service = manifests().named("Service", serviceNameOf(host));
			assertThat(isHeadless(service)).as("%s is headless, so its DNS name lists every pod", service.origin())
				.isTrue();
			assertThat(selects(service.at("spec.selector").textEntriesOrEmpty(), podLabels(app)))
				.as("%s selects the app pods", service.origin()).isTrue();
			int dnsPort = gateway.integer("scaleout.gateway.dns.port").orElse(-1);
			assertThat(targetPorts(service, appContainer)).as("scaleout.gateway.dns.port is a port of " + host)
				.contains(dnsPort);
			assertThat(dnsPort).as("scaleout.gateway.dns.port is the app's server.port").isEqualTo(appServerPort);
			assertThat(gateway.duration("scaleout.gateway.dns.refresh-interval"))
				.as("scaleout.gateway.dns.refresh-interval").hasValueSatisfying((interval) -> assertThat(interval)
					.isPositive()
					.isLessThanOrEqualTo(Duration.ofSeconds(30)));
		}
	}

	@Test
	void connectsTheAppToARedisThatPersistsWithAppendOnlyFiles() {
		SpringSettings app = settingsOf(containers(deployment(APP)).get(0));
		String host = app.text("spring.data.redis.host").orElse("localhost");
		YamlNode service = manifests().named("Service", serviceNameOf(host));
		int port = app.integer("spring.data.redis.port").orElse(6379);
		YamlNode redis = redisWorkloads().stream()
			.filter((workload) -> selects(service.at("spec.selector").textEntriesOrEmpty(), podLabels(workload)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(service.origin() + " selects no Redis StatefulSet or Deployment"));
		YamlNode redisContainer = containers(redis).get(0);
		assertThat(targetPorts(service, redisContainer)).as("spring.data.redis.port is served by " + host)
			.contains(6379);
		assertThat(service.at("spec.ports").items()).as(service.origin() + " port")
			.anyMatch((servicePort) -> servicePort.at("port").integer() == port);
		List<String> command = new ArrayList<>(redisContainer.at("command").isPresent()
				? redisContainer.at("command").texts() : List.of());
		command.addAll(redisContainer.at("args").isPresent() ? redisContainer.at("args").texts() : List.of());
		assertThat(String.join(" ", command)).as(redis.origin() + " command").contains("--appendonly yes");
	}

	@Test
	void carriesScaleoutAndSpringSettingsInConfigMaps() {
		for (String name : List.of(APP, GATEWAY)) {
			YamlNode container = containers(manifests().named("Deployment", name)).get(0);
			List<String> keys = container.at("envFrom").itemsOrEmpty().stream()
				.filter((source) -> source.at("configMapRef").isPresent())
				.flatMap((source) -> manifests().named("ConfigMap", source.at("configMapRef.name").text())
					.at("data").textEntriesOrEmpty().keySet().stream())
				.toList();
			assertThat(keys).as(name + " settings from ConfigMaps").anyMatch((key) -> key.startsWith("SCALEOUT_"))
				.anyMatch((key) -> key.startsWith("SPRING_"));
		}
	}

	@Test
	void limitsVoluntaryDisruptionsSoAppReplicasKeepServing() {
		YamlNode app = deployment(APP);
		int replicas = app.at("spec.replicas").integer();
		YamlNode budget = manifests().ofKind("PodDisruptionBudget").stream()
			.filter((pdb) -> selects(pdb.at("spec.selector.matchLabels").textEntriesOrEmpty(), podLabels(app)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No PodDisruptionBudget selects the app pods"));
		assertThat(budget.at("apiVersion").text()).isEqualTo("policy/v1");
		if (budget.at("spec.maxUnavailable").isPresent()) {
			assertThat(budget.at("spec.maxUnavailable").integer()).as(budget.origin() + " maxUnavailable")
				.isBetween(1, replicas - 1);
		}
		else {
			assertThat(budget.at("spec.minAvailable").integer()).as(budget.origin() + " minAvailable")
				.isBetween(1, replicas - 1);
		}
	}

	@Test
	void autoscalesTheAppOnCpuAtSeventyFivePercentFromThreeToTen() {
		YamlNode autoscaler = manifests().ofKind("HorizontalPodAutoscaler").stream()
			.filter((hpa) -> hpa.at("spec.scaleTargetRef.kind").text().equals("Deployment")
					&& hpa.at("spec.scaleTargetRef.name").text().equals(APP))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No HorizontalPodAutoscaler targets Deployment " + APP));
		assertThat(autoscaler.at("apiVersion").text()).isEqualTo("autoscaling/v2");
		assertThat(autoscaler.at("spec.minReplicas").integer()).as("minReplicas").isEqualTo(3);
		assertThat(autoscaler.at("spec.maxReplicas").integer()).as("maxReplicas").isEqualTo(10);
		assertThat(autoscaler.at("spec.metrics").items()).as("metrics").singleElement().satisfies((metric) -> {
			assertThat(metric.at("type").text()).isEqualTo("Resource");
			assertThat(metric.at("resource.name").text()).isEqualTo("cpu");
			assertThat(metric.at("resource.target.type").text()).isEqualTo("Utilization");
			assertThat(metric.at("resource.target.averageUtilization").integer()).isEqualTo(75);
		});
		assertThat(deployment(APP).at("spec.replicas").integer())
			.as("app replicas within the autoscaler's range")
			.isBetween(autoscaler.at("spec.minReplicas").integer(), autoscaler.at("spec.maxReplicas").integer());
	}

	private static List<YamlNode> redisWorkloads() {
		return Stream.concat(manifests().ofKind("StatefulSet").stream(),
				manifests().ofKind("Deployment").stream())
			.filter((workload) -> containers(workload).stream()
				.anyMatch((container) -> container.at("image").text().startsWith("redis:")))
			.toList();
	}

	private static void assertKeepsCapacityWhileRolling(YamlNode deployment) {
		assertThat(deployment.at("spec.strategy.type").text()).as(deployment.origin() + " strategy")
			.isEqualTo("RollingUpdate");
		assertThat(deployment.at("spec.strategy.rollingUpdate.maxUnavailable").text())
			.as(deployment.origin() + " maxUnavailable").isIn("0", "0%");
	}

	private static List<YamlNode> servicesSelecting(YamlNode workload) {
		return manifests().ofKind("Service").stream()
			.filter((service) -> selects(service.at("spec.selector").textEntriesOrEmpty(), podLabels(workload)))
			.toList();
	}

	private static boolean isHeadless(YamlNode service) {
		return "None".equals(service.at("spec.clusterIP").optionalText().orElse(null));
	}

	private static List<Integer> targetPorts(YamlNode service, YamlNode container) {
		return service.at("spec.ports").items().stream()
			.map((port) -> resolvePort(container, port.at("targetPort").optionalText().orElse(port.at("port").text())))
			.toList();
	}

	/** The Service a host name points at: {@code app-headless}, {@code app-headless.scaleout}, or longer. */
	private static String serviceNameOf(String host) {
		String[] labels = host.split("\\.");
		if (labels.length > 1) {
			assertThat(labels[1]).as("namespace in " + host).isEqualTo(NAMESPACE);
		}
		return labels[0];
	}

}
