package dev.scaleout.probes;

import java.util.List;
import java.util.stream.Collectors;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;

/**
 * Reports that the probe health groups answer without credentials and without a session.
 */
class OpenProbesCheck implements ReplicationCheck {

	private final List<String> groups;

	OpenProbesCheck(List<String> groups) {
		this.groups = groups;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		report.setUp(describe());
	}

	String describe() {
		return "Health probes " + this.groups.stream().collect(Collectors.joining(", "))
				+ " answer without credentials and create no session, ahead of the application's Spring Security "
				+ "filter chains (scaleout.probes.open)";
	}

}
