package com.example.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.gateway.GatewayProcess;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop — an app whose own security requires a login for every URL — as two replicas behind the real gateway
 * (its jar, round robin, so that consecutive requests alternate between replicas), on a Redis of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopThroughGatewayTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

	private static TestRedis redis;

	private static RunningApp a;

	private static RunningApp b;

	private static GatewayProcess gateway;

	@BeforeAll
	static void startReplicasAndGateway() {
		redis = TestRedis.startDedicated();
		a = replica("shop-a");
		b = replica("shop-b");
		// Returns once the gateway's own readiness probes have seen both replicas UP.
		gateway = GatewayProcess.start(List.of(a.baseUri(), b.baseUri()));
	}

	@AfterAll
	static void stopAll() {
		if (gateway != null) {
			gateway.close();
		}
		a.close();
		b.close();
		redis.close();
	}

	@Test
	@Order(1)
	void probesAnswerWithoutCredentialsAndCreateNoSession() {
		for (RunningApp replica : List.of(a, b)) {
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				for (int i = 0; i < 5; i++) {
					HttpResponse<String> response = new CookieJarClient().get(replica.uri(probe));
					assertThat(response.statusCode()).as(probe).isEqualTo(200);
					assertThat(response.headers().allValues("Set-Cookie")).as(probe).isEmpty();
				}
			}
		}
		// The gateway's probes (every 500 ms, since it started) and these 20 made no session.
		assertThat(redis.command("KEYS", "spring:session:sessions:*")).isEmpty();
	}

	@Test
	@Order(2)
	void everyOtherUrlStillNeedsALogin() {
		HttpResponse<String> page = new CookieJarClient().send(page("/cart"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/login");
		HttpResponse<String> replicaHealth = new CookieJarClient().get(a.uri("/actuator/health"));
		assertThat(replicaHealth.statusCode()).isEqualTo(401);
		HttpResponse<String> report = new CookieJarClient().get(b.uri("/actuator/replication"));
		assertThat(report.statusCode()).isEqualTo(401);
	}

	@Test
	@Order(3)
	void loginWithCsrfAndSavedRequestWorksAcrossReplicas() {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> asked = browser.send(page("/cart"));
		assertThat(asked.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/login");
		HttpResponse<String> form = browser.send(page("/login"));
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> login = browser.send(form("/login", "username=alice&password=wonderland&_csrf=" + csrf(form)));
		assertThat(instance(login)).as("the login is posted to the replica that did not issue the token")
			.isNotEqualTo(instance(form));
		assertThat(login.statusCode()).isEqualTo(302);
		String landing = login.headers().firstValue("Location").orElseThrow();
		assertThat(landing).startsWith(gateway.baseUrl() + "/cart");
		HttpResponse<String> cart = browser.send(HttpRequest.newBuilder(URI.create(landing)).header("Accept", BROWSER_ACCEPT));
		assertThat(cart.statusCode()).isEqualTo(200);
		assertThat(cart.body()).contains("<h1>Shop</h1>");
		assertThat(instance(cart)).isNotEqualTo(instance(login));
	}

	@Test
	@Order(4)
	void cartAndFlashMessageFollowTheCustomerAcrossReplicas() {
		CookieJarClient browser = loggedIn("bob", "builder");
		List<String> addedOn = new ArrayList<>();
		for (String product : List.of("tea", "coffee", "tea")) {
			HttpResponse<String> shop = browser.send(page("/cart"));
			HttpResponse<String> added = browser.send(form("/cart", "product=" + product + "&_csrf=" + csrf(shop)));
			assertThat(added.statusCode()).isEqualTo(302);
			assertThat(added.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/cart");
			addedOn.add(instance(added));
			HttpResponse<String> shown = browser.send(page("/cart"));
			assertThat(shown.statusCode()).isEqualTo(200);
			assertThat(shown.body()).containsPattern("<p id=\"flash\">Added <span>[^<]+</span> to your cart.</p>");
			assertThat(instance(shown)).isNotEqualTo(instance(added));
		}
		HttpResponse<String> cart = browser.send(page("/cart"));
		assertThat(cart.body()).contains("<span id=\"count\">3</span>", "2 × Green tea", "1 × Coffee beans",
				"<span id=\"total\">18.90</span>");
		assertThat(addedOn).contains("shop-a", "shop-b");
	}

	@Test
	@Order(5)
	void logoutOnOneReplicaEndsTheSessionOnBoth() {
		CookieJarClient browser = loggedIn("alice", "wonderland");
		String session = browser.cookie("SESSION");
		HttpResponse<String> shop = browser.send(page("/cart"));
		assertThat(shop.statusCode()).isEqualTo(200);
		HttpResponse<String> logout = browser.send(form("/logout", "_csrf=" + csrf(shop)));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/login?logout");
		for (RunningApp replica : List.of(a, b)) {
			HttpResponse<String> replay = new CookieJarClient().send(HttpRequest.newBuilder(replica.uri("/cart"))
				.header("Accept", BROWSER_ACCEPT)
				.header("Cookie", "SESSION=" + session));
			assertThat(replay.statusCode()).isEqualTo(302);
		}
		assertThat(redis.command("EXISTS", "spring:session:sessions:" + decode(session))).isEqualTo("0");
	}

	@Test
	@Order(6)
	void browsersGetTheShopsOwnErrorPage() {
		CookieJarClient browser = loggedIn("bob", "builder");
		HttpResponse<String> missing = browser.send(page("/no-such-page"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(missing.body()).contains("We could not find that page.");
	}

	private static CookieJarClient loggedIn(String user, String password) {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> form = browser.send(page("/login"));
		HttpResponse<String> login = browser.send(form("/login", "username=" + user + "&password=" + password + "&_csrf=" + csrf(form)));
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

	private static HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(gateway.uri(path)).header("Accept", BROWSER_ACCEPT);
	}

	private static HttpRequest.Builder form(String path, String body) {
		return page(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String instance(HttpResponse<String> response) {
		return response.headers().firstValue("X-Instance-Id").orElseThrow();
	}

	private static String decode(String cookieValue) {
		return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		return RunningApp.start(ShopApplication.class, args.toArray(String[]::new));
	}

}
