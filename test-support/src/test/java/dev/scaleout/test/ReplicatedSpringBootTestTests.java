package dev.scaleout.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.scaleout.test.webapp.BasketApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit on an application it does not know: Spring Session in Redis, without the starter.
 */
@ReplicatedSpringBootTest(classes = BasketApplication.class, replicas = 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedSpringBootTestTests {

	@Test
	@Order(1)
	void runsEachReplicaOnItsOwnPortWithItsOwnInstanceId(Replicas replicas) {
		assertThat(replicas.count()).isEqualTo(2);
		assertThat(replicas.all()).extracting(Replica::id).containsExactly("replica-a", "replica-b");
		assertThat(replicas.replica(0).baseUri()).isNotEqualTo(replicas.replica(1).baseUri());
		assertThat(replicas.client().onReplica(1).get("/").body()).isEqualTo("replica-b");
	}

	@Test
	@Order(2)
	void clientAlternatesReplicasWithOneCookieJar(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(browser.post("/basket?item=i" + i).body());
		}
		assertThat(answers).containsExactly("1 replica-a", "2 replica-b", "3 replica-a", "4 replica-b");
		assertThat(browser.onReplica(1).get("/basket").body()).isEqualTo("i0,i1,i2,i3 replica-b");
		assertThat(browser.cookie("SESSION")).isNotBlank();
	}

	@Test
	@Order(3)
	void sessionsThatReadBackPass(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		browser.post("/basket?item=tea");
		browser.post("/basket?item=milk");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	@Order(4)
	void anAttributeThatDoesNotReadBackFailsNamingItsSessionTypeReplicasAndTheFix(Replicas replicas) {
		ReplicaClient browser = replicas.client().onReplica(0);
		browser.post("/basket?item=tea");
		browser.post("/note?text=call%20back");
		String session = sessionId(replicas);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).sessionsReadBackOnEveryReplica())
			.withMessageContaining("1 session attribute(s) did not read back on another replica as the same type"
					+ " and value:")
			.withMessageContaining("Attribute 'note' (dev.scaleout.test.webapp.BasketApplication$Note) of session "
					+ session + ", written by replica-a, reads back on replica-b with another value: expected"
					+ " Note[text=call back, length=9] but was Note[text=null, length=9]; field/property 'text' differ")
			.withMessageContaining("Fix: store in the session only types the session store writes and reads"
					+ " faithfully")
			.withMessageNotContaining("'basket'");
	}

	@Test
	@Order(5)
	void noSessionWrittenFailsSayingNothingWasCompared(Replicas replicas) {
		replicas.client().get("/");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).sessionsReadBackOnEveryReplica())
			.withMessageStartingWith("No request of this test left a session on a replica");
	}

	@Test
	@Order(6)
	void stoppedReplicaIsSkippedByTheAlternatingClientAndRestartsOnItsPort(Replicas replicas) {
		String before = replicas.replica(1).baseUri().toString();
		replicas.stop(1);
		assertThat(replicas.replica(1).isRunning()).isFalse();
		ReplicaClient browser = replicas.client();
		assertThat(List.of(browser.get("/").body(), browser.get("/").body())).containsOnly("replica-a");
		replicas.restart(1);
		assertThat(replicas.replica(1).baseUri()).hasToString(before);
		assertThat(browser.onReplica(1).get("/").body()).isEqualTo("replica-b");
	}

	@Test
	@Order(7)
	void killedReplicaRefusesConnectionsAtOnce(Replicas replicas) {
		ReplicaClient browser = replicas.client().onReplica(0);
		replicas.kill(0);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> browser.get("/"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> replicas.replica(0).context())
			.withMessage("replica-a is not running: restart it with Replicas.restart(0)");
	}

	@Test
	@Order(8)
	void everyReplicaRunsAgainBeforeTheNextTest(Replicas replicas) {
		assertThat(replicas.all()).allMatch(Replica::isRunning);
		HttpResponse<String> answer = replicas.client().onReplica(0).get("/");
		assertThat(answer.body()).isEqualTo("replica-a");
	}

	@Test
	@Order(9)
	void sessionAssertionOnAnotherRunningReplicaOnly(Replicas replicas) {
		ReplicaClient browser = replicas.client().onReplica(0);
		browser.post("/basket?item=tea");
		replicas.stop(1);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(replicas).sessionsReadBackOnEveryReplica())
			.withMessageContaining("was written by replica-a and no other replica is running to read it");
	}

	@Test
	@Order(10)
	void loadNeedsTheGateway(Replicas replicas) {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> replicas.stopUnderLoad(1, Load.get("/")))
			.withMessage("This test runs no gateway: use @ReplicatedSpringBootTest(gateway = true)");
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesUseTheReplicasOfTheEnclosingClass(Replicas replicas) {
			assertThat(replicas.count()).isEqualTo(2);
			assertThat(replicas.client().onReplica(1).get("/").body()).isEqualTo("replica-b");
		}

	}

	private static String sessionId(Replicas replicas) {
		return replicas.sessions().written().get(0).sessionId();
	}

}
