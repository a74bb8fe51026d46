package com.example.cart;

import dev.scaleout.test.Load;
import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart behind the Scaleout gateway: logged-in customers keep reading their carts while a replica is killed or
 * the replicas are restarted one by one, and none of their requests fails.
 */
@ReplicatedSpringBootTest(replicas = 2, gateway = true)
class CartThroughGatewayTests {

	/**
	 * Four customers, each logged in through the gateway, reading their cart page.
	 */
	private static final Load CUSTOMERS_READING_CARTS = Load.get("/cart")
		.clients(4)
		.preparedBy((customer) -> customer.formLogin("/login", "carol", "cart-password"));

	@Test
	void gatewayAlternatesReplicasForOneLoggedInCustomer(Replicas replicas) {
		ReplicaClient customer = replicas.client().throughGateway();
		customer.formLogin("/login", "carol", "cart-password");
		String first = customer.get("/cart").headers().firstValue("X-Instance-Id").orElseThrow();
		String second = customer.get("/cart").headers().firstValue("X-Instance-Id").orElseThrow();
		assertThat(first).isNotEqualTo(second);
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void killingAReplicaFailsNoCustomerRequest(Replicas replicas) {
		assertThat(replicas.killUnderLoad(1, CUSTOMERS_READING_CARTS)).hasNoFailedRequest();
	}

	@Test
	void rollingRestartFailsNoCustomerRequest(Replicas replicas) {
		assertThat(replicas.rollingRestartUnderLoad(CUSTOMERS_READING_CARTS)).hasNoFailedRequest();
	}

}
