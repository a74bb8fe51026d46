package dev.scaleout.test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import org.springframework.util.ClassUtils;

/**
 * Assertions on running {@link Replicas}: that sessions replicate, and that the replication report finds nothing.
 */
public final class ReplicasAssert extends AbstractAssert<ReplicasAssert, Replicas> {

	private static final boolean SPRING_SESSION_PRESENT = ClassUtils
		.isPresent("org.springframework.session.SessionRepository", ReplicasAssert.class.getClassLoader());

	ReplicasAssert(Replicas replicas) {
		super(replicas, ReplicasAssert.class);
	}

	/**
	 * Verifies that every session attribute the test's requests left, as the replica that answered last saw it,
	 * reads back on every other running replica as the same type and value: by {@code equals} when the type
	 * defines it, else field by field. At least one session must have been written.
	 * @return this
	 */
	public ReplicasAssert sessionsReadBackOnEveryReplica() {
		isNotNull();
		if (!SPRING_SESSION_PRESENT) {
			failWithMessage("Spring Session is not on the class path, so each replica keeps its sessions in its own"
					+ " memory and no other replica can read them: add the Scaleout starter"
					+ " (dev.scaleout:scaleout-spring-boot-starter), which keeps them in Redis");
		}
		List<SessionLedger.Written> written = this.actual.sessions().written();
		if (written.isEmpty()) {
			failWithMessage("No request of this test left a session on a replica, so no session attribute could be"
					+ " compared: send requests that store something in the session (through Replicas.client() or"
					+ " the gateway) before this assertion");
		}
		List<String> problems = SessionReadBack.problems(written, this.actual.all());
		if (!problems.isEmpty()) {
			failWithMessage("%d session attribute(s) did not read back on another replica as the same type and"
					+ " value:%n%s%n%s", problems.size(), bullets(problems), SessionReadBack.fix());
		}
		return this;
	}

	/**
	 * Verifies that the replication report of every running replica has no finding: no in-memory database, no
	 * {@code @Scheduled} method running on every replica, no per-JVM cache …
	 * @return this
	 */
	public ReplicasAssert hasNoReplicationFindings() {
		return hasNoReplicationFindingsExcept();
	}

	/**
	 * Verifies that the replication report of every running replica has no finding but of the given kinds.
	 * @param ignored the ids of kinds of finding to accept, e.g. {@code local-cache}
	 * @return this
	 */
	public ReplicasAssert hasNoReplicationFindingsExcept(String... ignored) {
		isNotNull();
		List<String> accepted = Arrays.asList(ignored);
		List<ReplicationFindings.Finding> findings = this.actual.all()
			.stream()
			.filter(Replica::isRunning)
			.flatMap((replica) -> ReplicationFindings.of(replica).stream())
			.filter((finding) -> !accepted.contains(finding.id()))
			.toList();
		if (!findings.isEmpty()) {
			failWithMessage("The replication report found %d thing(s) that break when the application runs as many"
					+ " replicas:%n%s%nFix each as its fix says; to accept a kind of finding, name its id in"
					+ " hasNoReplicationFindingsExcept(…)", findings.size(),
					bullets(findings.stream().map(ReplicationFindings.Finding::toString).toList()));
		}
		return this;
	}

	static String bullets(List<String> lines) {
		return lines.stream().map((line) -> "  - " + line).collect(Collectors.joining(System.lineSeparator()));
	}

}
