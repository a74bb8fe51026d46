package dev.scaleout.test;

/**
 * Entry points of the kit's AssertJ assertions, beside AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre class="code">
 * import static dev.scaleout.test.ReplicaAssertions.assertThat;
 *
 * assertThat(replicas).sessionsReadBackOnEveryReplica();
 * assertThat(replicas.killUnderLoad(1, Load.get("/cart"))).hasNoFailedRequest();
 * </pre>
 */
public final class ReplicaAssertions {

	private ReplicaAssertions() {
	}

	/**
	 * Assertions on the replicas: their sessions and their replication reports.
	 * @param replicas the running replicas
	 * @return the assertions
	 */
	public static ReplicasAssert assertThat(Replicas replicas) {
		return new ReplicasAssert(replicas);
	}

	/**
	 * Assertions on what a load met while a replica was stopped, killed or restarted.
	 * @param report the load's report
	 * @return the assertions
	 */
	public static LoadReportAssert assertThat(LoadReport report) {
		return new LoadReportAssert(report);
	}

}
