package com.example.cart;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart as two replicas on one Redis, a browser going from one to the other: what a team writes to prove that
 * its app replicates once the starter is added.
 */
@ReplicatedSpringBootTest(replicas = 2)
class CartReplicationTests {

	@Test
	void loginAndCartFollowTheBrowserFromReplicaToReplica(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		HttpResponse<String> login = browser.onReplica(0).formLogin("/login", "carol", "cart-password");
		assertThat(login.statusCode()).isEqualTo(302);

		ReplicaClient onB = browser.onReplica(1);
		addToCart(onB, "tea", 2);
		addToCart(browser.onReplica(0), "scones", 6);
		addToCart(onB, "tea", 1);

		HttpResponse<String> cart = browser.onReplica(0).get("/cart");
		assertThat(cart.statusCode()).isEqualTo(200);
		assertThat(cart.body()).contains("Cart of carol", "<li>3 × tea</li>", "<li>6 × scones</li>");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void pageAskedForBeforeLoginIsWhereTheLoginOnTheOtherReplicaLands(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		HttpResponse<String> asked = browser.onReplica(0).get("/cart");
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));

		HttpResponse<String> login = browser.onReplica(1).formLogin("/login", "carol", "cart-password");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/cart?continue"));
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void logoutOnOneReplicaLogsOutOfEvery(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		browser.onReplica(0).formLogin("/login", "carol", "cart-password");
		String token = browser.onReplica(0).csrfToken("/cart");
		assertThat(browser.onReplica(1).postForm("/logout", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
		assertThat(browser.onReplica(0).get("/cart").statusCode()).isEqualTo(302);
	}

	@Test
	void wrongPasswordLogsNobodyIn(Replicas replicas) {
		ReplicaClient browser = replicas.client();
		HttpResponse<String> login = browser.onReplica(0).formLogin("/login", "carol", "not-her-password");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		assertThat(browser.onReplica(1).get("/cart").statusCode()).isEqualTo(302);
	}

	@Test
	void nothingInTheAppBreaksUnderManyReplicas(Replicas replicas) {
		assertThat(replicas).hasNoReplicationFindings();
	}

	private static void addToCart(ReplicaClient browser, String sku, int quantity) {
		String token = browser.csrfToken("/cart");
		HttpResponse<String> added = browser.postForm("/cart/items",
				Map.of("sku", sku, "quantity", Integer.toString(quantity), "_csrf", token));
		assertThat(added.statusCode()).isEqualTo(302);
	}

}
