package dev.scaleout.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import com.example.securedwebflux.SecuredWebFluxApplication;
import dev.scaleout.test.ReplicaClient;
import dev.scaleout.test.Replicas;
import dev.scaleout.test.ReplicatedSpringBootTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux app with Spring Security's form login, as two replicas behind the gateway: a login on one replica holds
 * on the other, since its security context is in the WebSession in Redis, and a logout on the other ends it on both.
 * The app ({@link SecuredWebFluxApplication}) is an ordinary one: Spring Boot's reactive security, a user store, a
 * form login; it is tested here because this module's test class path has Spring Security. It gets the sample app's
 * session lock through the shared class path, so its login and logout run under it.
 */
@ReplicatedSpringBootTest(classes = SecuredWebFluxApplication.class, webFlux = SecuredWebFluxApplication.class,
		gateway = true)
class WebFluxLoginHopTests {

	@Test
	void aLoginOnOneWebFluxReplicaHoldsOnTheOtherAndThroughTheGateway(Replicas replicas) {
		ReplicaClient first = replicas.client().onReplica(0);
		assertThat(first.get("/whoami").statusCode()).as("before logging in").isEqualTo(302);
		HttpResponse<String> login = first.formLogin("/login", "alice", "secret");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> onTheOther = first.onReplica(1).get("/whoami");
		assertThat(onTheOther.statusCode()).isEqualTo(200);
		assertThat(onTheOther.body()).isEqualTo("alice");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> throughGateway = first.throughGateway().get("/whoami");
			assertThat(throughGateway.statusCode()).isEqualTo(200);
			assertThat(throughGateway.body()).isEqualTo("alice");
		}
	}

	@Test
	void aLogoutOnOneWebFluxReplicaEndsTheLoginOnTheOther(Replicas replicas) {
		ReplicaClient first = replicas.client().onReplica(0);
		assertThat(first.formLogin("/login", "alice", "secret").statusCode()).isEqualTo(302);
		ReplicaClient second = first.onReplica(1);
		assertThat(second.get("/whoami").statusCode()).isEqualTo(200);
		assertThat(second.postForm("/logout", Map.of("_csrf", second.csrfToken("/logout"))).statusCode())
			.isEqualTo(302);
		assertThat(first.get("/whoami").statusCode()).as("on the first replica after the logout").isEqualTo(302);
	}

}
