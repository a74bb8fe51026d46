package dev.scaleout.sample;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import dev.scaleout.test.app.Simultaneously;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.scaleout.test.ReplicaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does with the sample app through the real gateway (its jar, round robin, so that consecutive
 * requests alternate between the two replicas): every page flow that keeps something in the session between two
 * requests meets both replicas, and the requests of one session that race each other on both replicas neither fail
 * nor lose an update (the sample app turns session locks on).
 */
// Every request of the counter test queues on one session's lock, on a machine that runs other suites too.
@ReplicatedSpringBootTest(replicas = 2, gateway = true, properties = "scaleout.session.lock.timeout=60s")
@ExtendWith(OutputCaptureExtension.class)
class SampleAppThroughGatewayTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void flashMessageAppearsAfterTheRedirectWhicheverReplicaServesIt(Replicas replicas) {
		Set<String> postedOn = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			ReplicaClient browser = replicas.client().throughGateway();
			String text = "text=hello+" + i;
			HttpResponse<String> signed = browser.send("/guestbook", (request) -> page(request)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(text)));
			assertThat(signed.statusCode()).isEqualTo(302);
			assertThat(signed.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/guestbook");
			HttpResponse<String> shown = browser.send("/guestbook", (request) -> page(request));
			assertThat(shown.statusCode()).isEqualTo(200);
			assertThat(shown.body()).contains("<p id=\"flash\">Thank you, your words are in the book: hello " + i);
			assertThat(instance(shown)).isNotEqualTo(instance(signed));
			postedOn.add(instance(signed));
			HttpResponse<String> again = browser.send("/guestbook", (request) -> page(request));
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.body()).doesNotContain("id=\"flash\"");
		}
		assertThat(postedOn).containsExactlyInAnyOrder("replica-a", "replica-b");
	}

	@Test
	void chosenLanguageHoldsOnBothReplicas(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		HttpResponse<String> switched = browser.send("/guestbook?lang=fr", (request) -> page(request));
		assertThat(switched.statusCode()).isEqualTo(200);
		Set<String> instances = new HashSet<>();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> response = browser.send("/guestbook", (request) -> page(request));
			statuses.add(response.statusCode());
			assertThat(response.body()).contains("<html lang=\"fr\">", "Bienvenue sur le livre des visiteurs");
			instances.add(instance(response));
		}
		assertThat(statuses).containsOnly(200);
		assertThat(instances).containsExactlyInAnyOrder("replica-a", "replica-b");
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void formLoginAfterAskingForAProtectedPageLandsOnThatPageOnTheOtherReplica(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		HttpResponse<String> asked = browser.send("/account", (request) -> page(request));
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location")).hasValue(replicas.gatewayUri() + "/login");
		HttpResponse<String> form = browser.send("/login", (request) -> page(request));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"username\"", "name=\"password\"");
		HttpResponse<String> login = browser.send("/login", (request) -> page(request)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")));
		assertThat(login.statusCode()).isEqualTo(302);
		String landing = login.headers().firstValue("Location").orElseThrow();
		assertThat(landing).startsWith(replicas.gatewayUri() + "/account");
		HttpResponse<String> account = browser.send(pathOf(landing), (request) -> page(request));
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as demo");
		assertThat(instance(account)).isNotEqualTo(instance(login));
		assertThat(replicas).sessionsReadBackOnEveryReplica();
	}

	@Test
	void apiClientsStillGetProblemDetailsThroughTheGateway(Replicas replicas) {
		HttpResponse<String> me = replicas.client().throughGateway().get("/me");
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> login = replicas.client().throughGateway().postForm("/login",
				Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("\"user\":\"demo\"");
	}

	@Test
	void eightSimultaneousLoginsOnOneSessionAllSucceed(Replicas replicas, CapturedOutput output) {
		ReplicaClient browser = replicas.client().throughGateway();
		assertThat(browser.post("/session/counter").statusCode()).isEqualTo(200);
		List<Integer> statuses = Simultaneously.send(8, 1,
				(i) -> browser.postForm("/login", Map.of("username", "demo", "password", "demo")));
		assertThat(statuses).containsOnly(200);
		assertThat(browser.get("/me").statusCode()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain("ERROR [replica-");
	}

	@Test
	void aLogoutWhileOtherRequestsOfItsSessionAreInFlightFailsNone(Replicas replicas, CapturedOutput output) {
		ReplicaClient browser = loggedIn(replicas);
		List<Integer> statuses = Simultaneously.send(24, 10, (i) -> {
			if (i == 12) {
				return browser.post("/logout");
			}
			return switch (i % 3) {
				case 0 -> browser.get("/me");
				case 1 -> browser.post("/session/counter");
				default -> browser.get("/session/counter");
			};
		});
		assertThat(statuses).doesNotContain(500).containsOnly(200, 204, 401);
		assertThat(output.getOut()).doesNotContain("ERROR [replica-");
	}

	@Test
	void sixteenClientsIncrementingOneSessionFiftyTimesEachCountEightHundred(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		assertThat(read(browser.post("/session/counter")).get("count").asInt()).isEqualTo(1);
		List<Integer> statuses = Simultaneously.send(16, 50, (i) -> browser.post("/session/counter"));
		assertThat(statuses).hasSize(800).containsOnly(200);
		assertThat(read(browser.get("/session/counter")).get("count").asInt()).isEqualTo(801);
	}

	@Test
	void signingOutEverywhereEndsTheSessionsOfEveryCookieJar(Replicas replicas) {
		List<ReplicaClient> devices = List.of(loggedIn(replicas), loggedIn(replicas), loggedIn(replicas));
		for (ReplicaClient device : devices) {
			assertThat(device.get("/me").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> signedOut = devices.get(1).post("/sessions/sign-out-everywhere");
		assertThat(signedOut.statusCode()).isEqualTo(200);
		// Other tests of this class log in as the same user, so there may be more than these three.
		assertThat(read(signedOut).get("ended").asInt()).isGreaterThanOrEqualTo(3);
		for (ReplicaClient device : devices) {
			for (int request = 0; request < 2; request++) {
				assertThat(device.get("/me").statusCode()).isEqualTo(401);
			}
		}
	}

	private static ReplicaClient loggedIn(Replicas replicas) {
		ReplicaClient device = replicas.client().throughGateway();
		HttpResponse<String> login = device.postForm("/login",
				Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		return device;
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static HttpRequest.Builder page(HttpRequest.Builder request) {
		return request.header("Accept", BROWSER_ACCEPT);
	}

	private static String pathOf(String location) {
		URI uri = URI.create(location);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String instance(HttpResponse<String> response) {
		return response.headers().firstValue("X-Instance-Id").orElseThrow();
	}

}
