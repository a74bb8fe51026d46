package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.reactive.ReactiveApplication;
import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet replica (the sample app) and a WebFlux replica (examples/reactive) behind the real gateway share one
 * session: the counter of one browser goes on whichever stack answers, each reading what the other wrote — the same
 * keys, fields, JSON, Base64 cookie and session lock on both.
 */
@ReplicatedSpringBootTest(classes = { SampleApplication.class, ReactiveApplication.class },
		webFlux = ReactiveApplication.class, gateway = true,
		// Spring Security is on this class path for the servlet app; the WebFlux app has none of its own.
		properties = "spring.autoconfigure.exclude="
				+ "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
				+ "ReactiveManagementWebSecurityAutoConfiguration")
class SampleAppWithWebFluxReplicaTests {

	private static final Pattern COUNT = Pattern.compile("^(\\d+)$|\"count\"\\s*:\\s*(\\d+)");

	@Test
	void oneSessionsCounterGoesOnAcrossTheServletAndTheWebFluxReplica(Replicas replicas) {
		ReplicaClient browser = replicas.client().throughGateway();
		List<Integer> counts = new ArrayList<>();
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = browser.post("/session/counter");
			assertThat(response.statusCode()).isEqualTo(200);
			counts.add(count(response.body()));
			instances.add(response.headers().firstValue("X-Instance-Id").orElse(""));
		}
		assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6);
		// replica-a runs the servlet app, replica-b the WebFlux one; round robin alternates them.
		assertThat(String.join(",", instances)).as("the replicas that answered, in order")
			.contains("replica-a,replica-b")
			.contains("replica-b,replica-a");
		assertThat(browser.cookie("SESSION")).as("one session all along").isNotNull();
	}

	/**
	 * The count in either app's answer: the sample app's JSON, or the WebFlux app's plain number.
	 */
	private static int count(String body) {
		Matcher matcher = COUNT.matcher(body.trim());
		assertThat(matcher.find()).as("a count in %s", body).isTrue();
		return Integer.parseInt((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
	}

}
