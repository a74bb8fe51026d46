package dev.scaleout.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * Questions about the pods a workload runs, answered from its rendered pod template.
 */
final class PodTemplates {

	/** Kubernetes' default for {@code terminationGracePeriodSeconds}. */
	static final int DEFAULT_GRACE_SECONDS = 30;

	/** Kubernetes' default for a probe's {@code periodSeconds}. */
	static final int DEFAULT_PROBE_PERIOD_SECONDS = 10;

	/** Kubernetes' default for a probe's {@code failureThreshold}. */
	static final int DEFAULT_PROBE_FAILURE_THRESHOLD = 3;

	private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s+(\\d+)");

	private PodTemplates() {
	}

	static YamlNode podSpec(YamlNode workload) {
		return workload.at("spec.template.spec");
	}

	static List<YamlNode> containers(YamlNode workload) {
		return podSpec(workload).at("containers").items();
	}

	static Map<String, String> podLabels(YamlNode workload) {
		return workload.at("spec.template.metadata.labels").textEntries();
	}

	/** Whether a label selector (a Service's, or a {@code matchLabels}) picks pods with these labels. */
	static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

	/** The container port a probe or a Service's {@code targetPort} names, by number or by port name. */
	static int resolvePort(YamlNode container, String port) {
		if (port.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(port);
		}
		return container.at("ports").itemsOrEmpty()
			.stream()
			.filter((candidate) -> port.equals(candidate.at("name").optionalText().orElse(null)))
			.map((candidate) -> candidate.at("containerPort").integer())
			.findFirst()
			.orElseGet(() -> fail("%s: no container port is named %s", container.origin(), port));
	}

	/** A setting that applies to the container: its own security context first, then the pod's. */
	static YamlNode securitySetting(YamlNode workload, YamlNode container, String key) {
		YamlNode own = container.at("securityContext." + key);
		return own.isPresent() ? own : podSpec(workload).at("securityContext." + key);
	}

	/** How long the preStop hook holds the container before SIGTERM; zero without a hook. */
	static Duration preStopPause(YamlNode container) {
		YamlNode preStop = container.at("lifecycle.preStop");
		if (!preStop.isPresent()) {
			return Duration.ZERO;
		}
		if (preStop.at("sleep.seconds").isPresent()) {
			return Duration.ofSeconds(preStop.at("sleep.seconds").integer());
		}
		if (preStop.at("exec.command").isPresent()) {
			Matcher sleep = SLEEP.matcher(String.join(" ", preStop.at("exec.command").texts()));
			if (sleep.find()) {
				return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
			}
		}
		return fail("%s: cannot tell how long the preStop hook %s takes; use sleep", container.origin(), preStop);
	}

	static boolean hasPreStopHook(YamlNode container) {
		return container.at("lifecycle.preStop").isPresent();
	}

	static Duration terminationGracePeriod(YamlNode workload) {
		return Duration.ofSeconds(podSpec(workload).at("terminationGracePeriodSeconds").optionalText()
			.map(Integer::parseInt)
			.orElse(DEFAULT_GRACE_SECONDS));
	}

	/** The volume mounted at a path, looked up among the pod's volumes. */
	static YamlNode volumeMountedAt(YamlNode workload, YamlNode container, String mountPath) {
		String volumeName = container.at("volumeMounts").itemsOrEmpty()
			.stream()
			.filter((mount) -> mountPath.equals(mount.at("mountPath").text()))
			.map((mount) -> mount.at("name").text())
			.findFirst()
			.orElseGet(() -> fail("%s: nothing is mounted at %s", container.origin(), mountPath));
		return podSpec(workload).at("volumes").itemsOrEmpty()
			.stream()
			.filter((volume) -> volumeName.equals(volume.at("name").text()))
			.findFirst()
			.orElseGet(() -> fail("%s: the pod has no volume %s", workload.origin(), volumeName));
	}

}
