package dev.scaleout.sample;

import dev.scaleout.test.Load;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import static dev.scaleout.test.ReplicaAssertions.assertThat;

/**
 * Replicas of the sample app stopped, killed and restarted one by one through the real gateway while clients with a
 * session keep reading it: no request fails. The test kit's loads, as a user of the starter writes them.
 */
@ReplicatedSpringBootTest(replicas = 2, gateway = true)
class SampleAppReplicaLossThroughGatewayTests {

	/**
	 * Each client has a session with a counter in it, and reads it back, along with the home page.
	 */
	private static final Load READING_SESSIONS = Load.get("/session/counter", "/")
		.preparedBy((client) -> client.post("/session/counter"));

	@Test
	void replicaStoppedGracefullyFailsNoRequest(Replicas replicas) {
		assertThat(replicas.stopUnderLoad(1, READING_SESSIONS)).hasNoFailedRequest();
	}

	@Test
	void replicaKilledFailsNoIdempotentRequest(Replicas replicas) {
		assertThat(replicas.killUnderLoad(0, READING_SESSIONS)).hasNoFailedRequest();
	}

	@Test
	void rollingRestartFailsNoRequest(Replicas replicas) {
		assertThat(replicas.rollingRestartUnderLoad(READING_SESSIONS)).hasNoFailedRequest();
	}

}
