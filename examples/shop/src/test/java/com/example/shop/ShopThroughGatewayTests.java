package com.example.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop — an app whose own security requires a login for every URL — as two replicas behind the real gateway
 * (its jar, round robin, so that consecutive requests alternate between replicas): the test kit's
 * {@code @ReplicatedSpringBootTest}, on an app we did not write for Scaleout.
 */
@ReplicatedSpringBootTest(replicas = 2, gateway = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopThroughGatewayTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Function<HttpRequest.Builder, HttpRequest.Builder> BROWSER = (request) -> request
		.header("Accept", BROWSER_ACCEPT);

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

	@Test
	@Order(1)
	void probesAnswerWithoutCredentialsAndCreateNoSession(Replicas replicas) {
		for (int replica = 0; replica < replicas.count(); replica++) {
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				for (int i = 0; i < 5; i++) {
					HttpResponse<String> response = replicas.client().onReplica(replica).get(probe);
					assertThat(response.statusCode()).as(probe).isEqualTo(200);
					assertThat(response.headers().allValues("Set-Cookie")).as(probe).isEmpty();
				}
			}
		}
		// The gateway's probes (every 500 ms, since it started) and these 20 made no session.
		assertThat(replicas.redis().command("KEYS", "spring:session:sessions:*")).isEmpty();
	}

	@Test
	@Order(2)
	void everyOtherUrlStillNeedsALogin(Replicas replicas) {
		HttpResponse<String> page = replicas.client().throughGateway().send("/cart", BROWSER);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/login");
		HttpResponse<String> replicaHealth = replicas.client().onReplica(0).get("/actuator/health");
		assertThat(replicaHealth.statusCode()).isEqualTo(401);
		HttpResponse<String> report = replicas.client().onReplica(1).get("/actuator/replication");
		assertThat(report.statusCode()).isEqualTo(401);
	}

	@Test
	@Order(3)
	void loginWithCsrfAndSavedRequestWorksAcrossReplicas(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		HttpResponse<String> asked = browser.send("/cart", BROWSER);
		assertThat(asked.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/login");
		HttpResponse<String> form = browser.send("/login", BROWSER);
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> login = browser.send("/login",
				form("username=alice&password=wonderland&_csrf=" + csrf(form)));
		assertThat(instance(login)).as("the login is posted to the replica that did not issue the token")
			.isNotEqualTo(instance(form));
		assertThat(login.statusCode()).isEqualTo(302);
		String landing = login.headers().firstValue("Location").orElseThrow();
		assertThat(landing).startsWith(replicas.gatewayUri() + "/cart");
		HttpResponse<String> cart = browser.send(pathOf(landing), BROWSER);
		assertThat(cart.statusCode()).isEqualTo(200);
		assertThat(cart.body()).contains("<h1>Shop</h1>");
		assertThat(instance(cart)).isNotEqualTo(instance(login));
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	@Order(4)
	void cartAndFlashMessageFollowTheCustomerAcrossReplicas(Replicas replicas) {
		ReplicaClient browser = loggedIn(replicas, "bob", "builder");
		List<String> addedOn = new ArrayList<>();
		for (String product : List.of("tea", "coffee", "tea")) {
			HttpResponse<String> shop = browser.send("/cart", BROWSER);
			HttpResponse<String> added = browser.send("/cart", form("product=" + product + "&_csrf=" + csrf(shop)));
			assertThat(added.statusCode()).isEqualTo(302);
			assertThat(added.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/cart");
			addedOn.add(instance(added));
			HttpResponse<String> shown = browser.send("/cart", BROWSER);
			assertThat(shown.statusCode()).isEqualTo(200);
			assertThat(shown.body()).containsPattern("<p id=\"flash\">Added <span>[^<]+</span> to your cart.</p>");
			assertThat(instance(shown)).isNotEqualTo(instance(added));
		}
		HttpResponse<String> cart = browser.send("/cart", BROWSER);
		assertThat(cart.body()).contains("<span id=\"count\">3</span>", "2 × Green tea", "1 × Coffee beans",
				"<span id=\"total\">18.90</span>");
		assertThat(addedOn).contains("replica-a", "replica-b");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	@Order(5)
	void logoutOnOneReplicaEndsTheSessionOnBoth(Replicas replicas) {
		ReplicaClient browser = loggedIn(replicas, "alice", "wonderland");
		String session = browser.cookie("SESSION");
		HttpResponse<String> shop = browser.send("/cart", BROWSER);
		assertThat(shop.statusCode()).isEqualTo(200);
		HttpResponse<String> logout = browser.send("/logout", form("_csrf=" + csrf(shop)));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/login?logout");
		for (int replica = 0; replica < replicas.count(); replica++) {
			HttpResponse<String> replay = replicas.client()
				.onReplica(replica)
				.send("/cart", (request) -> BROWSER.apply(request).header("Cookie", "SESSION=" + session));
			assertThat(replay.statusCode()).isEqualTo(302);
		}
		assertThat(replicas.redis().command("EXISTS", "spring:session:sessions:" + decode(session))).isEqualTo("0");
	}

	@Test
	@Order(6)
	void browsersGetTheShopsOwnErrorPage(Replicas replicas) {
		ReplicaClient browser = loggedIn(replicas, "bob", "builder");
		HttpResponse<String> missing = browser.send("/no-such-page", BROWSER);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(missing.body()).contains("We could not find that page.");
	}

	private static ReplicaClient loggedIn(Replicas replicas, String user, String password) {
		ReplicaClient browser = replicas.client().throughGateway();
		HttpResponse<String> form = browser.send("/login", BROWSER);
		HttpResponse<String> login = browser.send("/login",
				form("username=" + user + "&password=" + password + "&_csrf=" + csrf(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		return browser;
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher input = CSRF_INPUT.matcher(page.body());
		assertThat(input.find()).as("a CSRF token in the page:%n%s", page.body()).isTrue();
		Matcher value = VALUE.matcher(input.group());
		assertThat(value.find()).isTrue();
		return value.group(1);
	}

	private static Function<HttpRequest.Builder, HttpRequest.Builder> form(String body) {
		return (request) -> BROWSER.apply(request)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String pathOf(String location) {
		URI uri = URI.create(location);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String instance(HttpResponse<String> response) {
		return response.headers().firstValue("X-Instance-Id").orElseThrow();
	}

	private static String decode(String cookieValue) {
		return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
	}

}
