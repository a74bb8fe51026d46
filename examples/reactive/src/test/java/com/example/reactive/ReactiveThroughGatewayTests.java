package com.example.reactive;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.test.Load;
import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux app as two replicas behind the Scaleout gateway, written with the test kit as
 * a servlet app's tests are: one browser's counter goes on whichever replica answers, and a
 * replica stopped (as SIGTERM), killed, or a rolling restart fails no request.
 */
@ReplicatedSpringBootTest(replicas = 2, gateway = true)
class ReactiveThroughGatewayTests {

	private static final Load READERS = Load.get("/hello").clients(4);

	@Test
	void oneBrowsersCounterGoesOnAcrossReplicasThroughTheGateway(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		List<String> counts = new ArrayList<>();
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			var response = browser.post("/session/counter");
			counts.add(response.body());
			instances.add(response.headers().firstValue("X-Instance-Id").orElse(""));
		}
		assertThat(counts).containsExactly("1", "2", "3", "4", "5", "6");
		assertThat(instances).as("the replicas that answered").containsOnly("replica-a", "replica-b")
			.contains("replica-a", "replica-b");
	}

	@Test
	void stoppingAReplicaFailsNoRequest(Replicas replicas) {
		assertThat(replicas.stopUnderLoad(1, READERS)).hasNoFailedRequest();
	}

	@Test
	void killingAReplicaFailsNoRequest(Replicas replicas) {
		assertThat(replicas.killUnderLoad(1, READERS)).hasNoFailedRequest();
	}

	@Test
	void aRollingRestartFailsNoRequest(Replicas replicas) {
		assertThat(replicas.rollingRestartUnderLoad(READERS)).hasNoFailedRequest();
	}

}
