package dev.scaleout.deploy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static dev.scaleout.deploy.PodTemplates.containers;
import static dev.scaleout.deploy.PodTemplates.resolvePort;
import static dev.scaleout.deploy.PodTemplates.securitySetting;
import static dev.scaleout.deploy.RenderedBase.APP;
import static dev.scaleout.deploy.RenderedBase.appAndGateway;
import static dev.scaleout.deploy.RenderedBase.deployment;
import static dev.scaleout.deploy.RenderedBase.settingsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app and gateway pods of the rendered {@code k8s/} base: probed on the actuator health groups, sized,
 * hardened, and given time to drain before they stop.
 */
class ReplicaPodsTests {

	@Test
	void probesEveryAppAndGatewayContainerOnTheActuatorHealthGroups() {
		for (YamlNode workload : appAndGateway()) {
			for (YamlNode container : containers(workload)) {
				int serverPort = settingsOf(container).integer("server.port").orElse(8080);
				assertProbe(container, "readinessProbe", "/actuator/health/readiness", serverPort);
				assertProbe(container, "livenessProbe", "/actuator/health/liveness", serverPort);
				assertProbe(container, "startupProbe", "/actuator/health/liveness", serverPort);
			}
		}
	}

	@Test
	void givesEveryAppAndGatewayContainerResourceRequestsAndLimits() {
		for (YamlNode workload : appAndGateway()) {
			for (YamlNode container : containers(workload)) {
				assertThat(container.at("resources.requests.cpu").isPresent()).as(container.origin() + " cpu request").isTrue();
				assertThat(container.at("resources.requests.memory").isPresent()).as(container.origin() + " memory request")
					.isTrue();
				assertThat(container.at("resources.limits.memory").isPresent()).as(container.origin() + " memory limit")
					.isTrue();
			}
		}
	}

	@Test
	void runsEveryAppAndGatewayContainerAsNonRootOnAReadOnlyRootFilesystemWithWritableTmp() {
		for (YamlNode workload : appAndGateway()) {
			for (YamlNode container : containers(workload)) {
				String name = container.origin();
				assertThat(securitySetting(workload, container, "runAsNonRoot").optionalText()).as(name + " runAsNonRoot")
					.contains("true");
				assertThat(securitySetting(workload, container, "runAsUser").optionalText()).as(name + " runAsUser")
					.isNotEqualTo(Optional.of("0"));
				assertThat(container.at("securityContext.readOnlyRootFilesystem").optionalText())
					.as(name + " readOnlyRootFilesystem").contains("true");
				assertThat(container.at("securityContext.allowPrivilegeEscalation").optionalText())
					.as(name + " allowPrivilegeEscalation").contains("false");
				assertThat(PodTemplates.volumeMountedAt(workload, container, "/tmp").at("emptyDir").isPresent())
					.as(name + " /tmp from an emptyDir").isTrue();
			}
		}
	}

	@Test
	void drainsEveryAppAndGatewayContainerBeforeItStops() {
		for (YamlNode workload : appAndGateway()) {
			for (YamlNode container : containers(workload)) {
				boolean drains = PodTemplates.hasPreStopHook(container)
						|| settingsOf(container).drainDelay().compareTo(Duration.ZERO) > 0;
				assertThat(drains).as(container.origin() + " has a preStop hook or scaleout.shutdown.drain-delay")
					.isTrue();
			}
		}
	}

	@Test
	void givesEveryPodMoreGraceThanPreStopDrainAndShutdownTakeTogether() {
		for (YamlNode workload : appAndGateway()) {
			for (YamlNode container : containers(workload)) {
				SpringSettings settings = settingsOf(container);
				Duration needed = PodTemplates.preStopPause(container)
					.plus(settings.drainDelay())
					.plus(settings.shutdownTimeout());
				assertThat(PodTemplates.terminationGracePeriod(workload))
					.as(workload.origin() + " terminationGracePeriodSeconds against preStop + drain + shutdown")
					.isGreaterThan(needed);
			}
		}
	}

	@Test
	void drainsTheAppLongerThanItsReadinessProbeTakesToNotice() {
		YamlNode app = deployment(APP);
		for (YamlNode container : containers(app)) {
			YamlNode readiness = container.at("readinessProbe");
			Duration detection = Duration.ofSeconds((long) readiness.at("periodSeconds").optionalText()
				.map(Integer::parseInt)
				.orElse(PodTemplates.DEFAULT_PROBE_PERIOD_SECONDS)
					* readiness.at("failureThreshold").optionalText()
						.map(Integer::parseInt)
						.orElse(PodTemplates.DEFAULT_PROBE_FAILURE_THRESHOLD));
			assertThat(settingsOf(container).drainDelay())
				.as(container.origin() + " scaleout.shutdown.drain-delay against readiness periodSeconds x failureThreshold")
				.isGreaterThan(detection);
		}
	}

	private static void assertProbe(YamlNode container, String probe, String path, int serverPort) {
		YamlNode httpGet = container.at(probe + ".httpGet");
		assertThat(httpGet.at("path").optionalText()).as(container.origin() + " " + probe + " path").contains(path);
		assertThat(resolvePort(container, httpGet.at("port").text())).as(container.origin() + " " + probe + " port")
			.isEqualTo(serverPort);
	}

}
