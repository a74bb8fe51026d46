package dev.scaleout.instance;

import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Shows which replica answered {@code /actuator/info}: {@code "instance": {"id": …, "pid": …}}.
 */
final class InstanceInfoContributor implements InfoContributor {

	private final InstanceId instanceId;

	InstanceInfoContributor(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("instance", Map.of("id", this.instanceId.value(), "pid", ProcessHandle.current().pid()));
	}

}
