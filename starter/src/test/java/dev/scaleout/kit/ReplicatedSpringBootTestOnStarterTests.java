package dev.scaleout.kit;

import dev.scaleout.kit.app.ShelfApplication;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The test kit's assertions on an app that runs on the starter: session JSON and the replication report, as a user
 * of both meets them.
 */
@ReplicatedSpringBootTest(classes = ShelfApplication.class)
class ReplicatedSpringBootTestOnStarterTests {

	@Test
	void sessionOfTheApplicationsOwnTypesReadsBack(Replicas replicas) {
		replicas.client().post("/shelf?book=Dune");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void sessionValueOfAnUntrustedTypeFailsNamingTheAttributeTheReplicasAndTheProperty(Replicas replicas) {
		replicas.client().onReplica(0).post("/bookmark?page=42");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).sessionsReadBackOnEveryReplica())
			.withMessageContaining("Attribute 'bookmark' (dev.scaleout.kit.Bookmark) of session ")
			.withMessageContaining(", written by replica-a, is missing on replica-b: the session store did not write"
					+ " it or could not read it back")
			.withMessageContaining("scaleout.session.trusted-packages=<its package>");
	}

	@Test
	void replicationFindingsFailNamingTheFindingAndItsFix(Replicas replicas) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).hasNoReplicationFindings())
			.withMessageStartingWith("The replication report found ")
			.withMessageContaining(" thing(s) that break when the application runs as many replicas:")
			.withMessageContaining("[unlocked-scheduled-job] on replica-a: @Scheduled method"
					+ " ShelfApplication.Jobs#reindex has no @SchedulerLock")
			.withMessageContaining("fix: Add @SchedulerLock(name = \"Jobs.reindex\")")
			.withMessageContaining("[unlocked-scheduled-job] on replica-b");
	}

	@Test
	void findingsIncludeWhatTheReplicasMetAtRunTime(Replicas replicas) {
		replicas.client().onReplica(1).post("/bookmark?page=7");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).hasNoReplicationFindingsExcept("unlocked-scheduled-job",
					"in-memory-database"))
			.withMessageContaining("[session-type-refused] on replica-b: Session attribute 'bookmark' was not stored"
					+ " in Redis: dev.scaleout.kit.Bookmark is not a trusted type")
			.withMessageContaining("fix: To allow it, set scaleout.session.trusted-packages=dev.scaleout.kit.");
	}

	@Test
	void findingsOfAcceptedKindsPass(Replicas replicas) {
		// H2 is on the starter's test class path: Spring Boot makes it an in-memory DataSource.
		assertThat(replicas).hasNoReplicationFindingsExcept("unlocked-scheduled-job", "in-memory-database",
				"session-type-refused");
	}

	@Test
	void failOnReplicationFindingsFailsTheClassBeforeItsFirstTest() {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(FailingOnFindings.class)).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getTestsStartedCount()).isZero();
		assertThat(summary.getFailures()).singleElement()
			.extracting((failure) -> failure.getException().getMessage())
			.asString()
			.contains("[unlocked-scheduled-job] on replica-a");
	}

	/**
	 * Run by the test above, not by Maven: surefire leaves nested classes out.
	 */
	@ReplicatedSpringBootTest(classes = ShelfApplication.class, replicas = 1, failOnReplicationFindings = true)
	static class FailingOnFindings {

		@Test
		void neverRuns() {
		}

	}

}
