package dev.scaleout.probes;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Health probes that answer without credentials when the application uses Spring Security.
 *
 * @param open Whether the probe health groups answer without credentials and without a session, through a security
 * filter chain of their own ahead of the application's.
 * @param groups Health groups whose paths are probes: their path under the health endpoint, and their additional
 * path if they have one (such as /livez).
 */
@ConfigurationProperties("scaleout.probes")
public record ProbesProperties(@DefaultValue("true") boolean open,
		@DefaultValue({ "liveness", "readiness" }) List<String> groups) {

	public ProbesProperties {
		for (String group : groups) {
			if (!StringUtils.hasText(group) || group.contains("/")) {
				throw new InvalidConfigurationPropertyValueException("scaleout.probes.groups", group,
						"Probe groups are names of health groups, such as liveness or readiness.");
			}
		}
		groups = List.copyOf(groups);
	}

}
