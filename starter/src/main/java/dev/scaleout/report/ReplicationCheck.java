package dev.scaleout.report;

/**
 * One aspect of the application inspected for running as many replicas. Each concern of the starter contributes
 * its checks as beans; the report runs them all at startup (one log block) and again for every read of the
 * {@code replication} actuator endpoint, so that checks of what happens at run time stay current.
 * <p>
 * A check never fails the start: what it cannot inspect, it leaves out.
 */
@FunctionalInterface
public interface ReplicationCheck {

	/**
	 * Adds what this check set up or found to the report.
	 * @param report the report being written
	 */
	void inspect(ReplicationReport.Builder report);

}
