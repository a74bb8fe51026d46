package dev.scaleout.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What the starter set up in this application, and what it found that breaks under many replicas.
 *
 * @param instance the id of the replica that wrote the report
 * @param setUp one line per feature the starter configured, e.g. "Sessions in Redis as JSON (namespace
 * spring:session)"
 * @param findings what breaks when this application runs as many replicas, each with its fix
 */
public record ReplicationReport(String instance, List<String> setUp, List<Finding> findings) {

	public ReplicationReport {
		setUp = List.copyOf(setUp);
		findings = List.copyOf(findings);
	}

	/**
	 * Something in the application that breaks, or behaves differently, when it runs as many replicas.
	 *
	 * @param id a stable identifier of the kind of finding, e.g. "in-memory-database"
	 * @param problem what is wrong, naming the bean, method, type or property concerned
	 * @param fix what to do about it
	 */
	public record Finding(String id, String problem, String fix) {

		/**
		 * The id of a finding that says a feature of the starter is off because something it needs is missing,
		 * whichever concern the feature belongs to.
		 */
		public static final String FEATURE_OFF = "feature-off";

	}

	/**
	 * Collects what the {@link ReplicationCheck}s add.
	 */
	public static final class Builder {

		private final List<String> setUp = new ArrayList<>();

		private final List<Finding> findings = new ArrayList<>();

		Builder() {
		}

		/**
		 * Records a feature the starter configured.
		 * @param feature one line, e.g. "Instance id replica-a in the X-Instance-Id header"
		 * @return this builder
		 */
		public Builder setUp(String feature) {
			this.setUp.add(feature);
			return this;
		}

		/**
		 * Records a finding.
		 * @param id a stable identifier of the kind of finding
		 * @param problem what is wrong
		 * @param fix what to do about it
		 * @return this builder
		 */
		public Builder finding(String id, String problem, String fix) {
			this.findings.add(new Finding(id, problem, fix));
			return this;
		}

		ReplicationReport build(String instance) {
			return new ReplicationReport(instance, this.setUp, this.findings);
		}

	}

}
