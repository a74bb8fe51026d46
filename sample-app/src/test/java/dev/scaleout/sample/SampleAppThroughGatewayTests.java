package dev.scaleout.sample;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.app.Simultaneously;
import dev.scaleout.test.gateway.GatewayProcess;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does with the sample app through the real gateway (its jar, round robin, so that consecutive
 * requests alternate between the two replicas): every page flow that keeps something in the session between two
 * requests meets both replicas, and the requests of one session that race each other on both replicas neither fail
 * nor lose an update (the sample app turns session locks on).
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppThroughGatewayTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final TestRedis redis = TestRedis.shared();

	private static RunningApp a;

	private static RunningApp b;

	private static GatewayProcess gateway;

	@BeforeAll
	static void startReplicasAndGateway() {
		a = replica("replica-a");
		b = replica("replica-b");
		gateway = GatewayProcess.start(List.of(a.baseUri(), b.baseUri()));
	}

	@AfterAll
	static void stopAll() {
		if (gateway != null) {
			gateway.close();
		}
		a.close();
		b.close();
	}

	@Test
	void flashMessageAppearsAfterTheRedirectWhicheverReplicaServesIt() {
		Set<String> postedOn = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			CookieJarClient browser = new CookieJarClient();
			HttpResponse<String> signed = browser.send(page("/guestbook").header("Content-Type",
					"application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("text=hello+" + i)));
			assertThat(signed.statusCode()).isEqualTo(302);
			assertThat(signed.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/guestbook");
			HttpResponse<String> shown = browser.send(page("/guestbook"));
			assertThat(shown.statusCode()).isEqualTo(200);
			assertThat(shown.body()).contains("<p id=\"flash\">Thank you, your words are in the book: hello " + i);
			assertThat(instance(shown)).isNotEqualTo(instance(signed));
			postedOn.add(instance(signed));
			HttpResponse<String> again = browser.send(page("/guestbook"));
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.body()).doesNotContain("id=\"flash\"");
		}
		assertThat(postedOn).containsExactlyInAnyOrder("replica-a", "replica-b");
	}

	@Test
	void chosenLanguageHoldsOnBothReplicas() {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> switched = browser.send(page("/guestbook?lang=fr"));
		assertThat(switched.statusCode()).isEqualTo(200);
		Set<String> instances = new HashSet<>();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> response = browser.send(page("/guestbook"));
			statuses.add(response.statusCode());
			assertThat(response.body()).contains("<html lang=\"fr\">", "Bienvenue sur le livre des visiteurs");
			instances.add(instance(response));
		}
		assertThat(statuses).containsOnly(200);
		assertThat(instances).containsExactlyInAnyOrder("replica-a", "replica-b");
	}

	@Test
	void formLoginAfterAskingForAProtectedPageLandsOnThatPageOnTheOtherReplica() {
		CookieJarClient browser = new CookieJarClient();
		HttpResponse<String> asked = browser.send(page("/account"));
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location")).hasValue(gateway.baseUrl() + "/login");
		HttpResponse<String> form = browser.send(page("/login"));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"username\"", "name=\"password\"");
		HttpResponse<String> login = browser.send(page("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")));
		assertThat(login.statusCode()).isEqualTo(302);
		String landing = login.headers().firstValue("Location").orElseThrow();
		assertThat(landing).startsWith(gateway.baseUrl() + "/account");
		HttpResponse<String> account = browser.send(HttpRequest.newBuilder(URI.create(landing))
			.header("Accept", BROWSER_ACCEPT));
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as demo");
		assertThat(instance(account)).isNotEqualTo(instance(login));
	}

	@Test
	void apiClientsStillGetProblemDetailsThroughTheGateway() {
		HttpResponse<String> me = new CookieJarClient().get(gateway.uri("/me"));
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> login = new CookieJarClient().postForm(gateway.uri("/login"),
				Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("\"user\":\"demo\"");
	}

	@Test
	void eightSimultaneousLoginsOnOneSessionAllSucceed(CapturedOutput output) {
		CookieJarClient browser = new CookieJarClient();
		assertThat(browser.post(gateway.uri("/session/counter")).statusCode()).isEqualTo(200);
		List<Integer> statuses = Simultaneously.send(8, 1,
				(i) -> browser.postForm(gateway.uri("/login"), Map.of("username", "demo", "password", "demo")));
		assertThat(statuses).containsOnly(200);
		assertThat(browser.get(gateway.uri("/me")).statusCode()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain("ERROR [replica-");
	}

	@Test
	void aLogoutWhileOtherRequestsOfItsSessionAreInFlightFailsNone(CapturedOutput output) {
		CookieJarClient browser = loggedIn();
		List<Integer> statuses = Simultaneously.send(24, 10, (i) -> {
			if (i == 12) {
				return browser.post(gateway.uri("/logout"));
			}
			return switch (i % 3) {
				case 0 -> browser.get(gateway.uri("/me"));
				case 1 -> browser.post(gateway.uri("/session/counter"));
				default -> browser.get(gateway.uri("/session/counter"));
			};
		});
		assertThat(statuses).doesNotContain(500).containsOnly(200, 204, 401);
		assertThat(output.getOut()).doesNotContain("ERROR [replica-");
	}

	@Test
	void sixteenClientsIncrementingOneSessionFiftyTimesEachCountEightHundred() {
		CookieJarClient browser = new CookieJarClient();
		assertThat(read(browser.post(gateway.uri("/session/counter"))).get("count").asInt()).isEqualTo(1);
		List<Integer> statuses = Simultaneously.send(16, 50, (i) -> browser.post(gateway.uri("/session/counter")));
		assertThat(statuses).hasSize(800).containsOnly(200);
		assertThat(read(browser.get(gateway.uri("/session/counter"))).get("count").asInt()).isEqualTo(801);
	}

	@Test
	void signingOutEverywhereEndsTheSessionsOfEveryCookieJar() {
		List<CookieJarClient> devices = List.of(loggedIn(), loggedIn(), loggedIn());
		for (CookieJarClient device : devices) {
			assertThat(device.get(gateway.uri("/me")).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> signedOut = devices.get(1).post(gateway.uri("/sessions/sign-out-everywhere"));
		assertThat(signedOut.statusCode()).isEqualTo(200);
		// Other tests of this class log in as the same user, so there may be more than these three.
		assertThat(read(signedOut).get("ended").asInt()).isGreaterThanOrEqualTo(3);
		for (CookieJarClient device : devices) {
			for (int request = 0; request < 2; request++) {
				assertThat(device.get(gateway.uri("/me")).statusCode()).isEqualTo(401);
			}
		}
	}

	private static CookieJarClient loggedIn() {
		CookieJarClient device = new CookieJarClient();
		HttpResponse<String> login = device.postForm(gateway.uri("/login"),
				Map.of("username", "demo", "password", "demo"));
		assertThat(login.statusCode()).isEqualTo(200);
		return device;
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(gateway.uri(path)).header("Accept", BROWSER_ACCEPT);
	}

	private static String instance(HttpResponse<String> response) {
		return response.headers().firstValue("X-Instance-Id").orElseThrow();
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		// Every request of the counter test queues on one session's lock, on a machine that runs other suites too.
		args.add("--scaleout.session.lock.timeout=60s");
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

}
