package dev.scaleout.report;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code replication} actuator endpoint: the {@link ReplicationReport} as JSON, written afresh for every read so
 * that what the checks see at run time is current. An application's own test can read it too, to assert that
 * nothing breaks under many replicas.
 */
@Endpoint(id = ReplicationEndpoint.ID)
public final class ReplicationEndpoint {

	/**
	 * The endpoint's id: {@code /actuator/replication}.
	 */
	public static final String ID = "replication";

	private final ReplicationChecks checks;

	ReplicationEndpoint(ReplicationChecks checks) {
		this.checks = checks;
	}

	/**
	 * Runs every check now.
	 * @return what the starter set up, and what breaks under many replicas
	 */
	@ReadOperation
	public ReplicationReport report() {
		return this.checks.run();
	}

}
