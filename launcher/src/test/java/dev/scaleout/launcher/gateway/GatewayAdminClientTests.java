package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.net.URI;

import dev.scaleout.launcher.FreePorts;
import dev.scaleout.launcher.gateway.GatewayAdminClient.Mode;
import dev.scaleout.launcher.gateway.GatewayAdminClient.ReplicaRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The launcher's client of the gateway's admin API, against a real HTTP server on
 * loopback that implements the API's contract.
 */
class GatewayAdminClientTests {

	private static final String TOKEN = "s3cret";

	private FakeGatewayAdmin gateway;

	@AfterEach
	void stopTheGateway() {
		if (this.gateway != null) {
			this.gateway.close();
		}
	}

	@Test
	void listsTheReplicasWithStateModeAndWeightIgnoringNestedFields() throws IOException {
		this.gateway = new FakeGatewayAdmin(TOKEN, "127.0.0.1:40109", "127.0.0.1:40110");
		assertThat(client(TOKEN).replicas()).containsExactly(new ReplicaRow("127.0.0.1:40109", "UP", "ready", 100),
				new ReplicaRow("127.0.0.1:40110", "UP", "ready", 100));
	}

	@Test
	void setsEachModeWithTheBearerTokenAndReturnsTheRow() throws IOException {
		this.gateway = new FakeGatewayAdmin(TOKEN, "127.0.0.1:40109");
		for (Mode mode : Mode.values()) {
			assertThat(client(TOKEN).mode("127.0.0.1:40109", mode))
				.isEqualTo(new ReplicaRow("127.0.0.1:40109", "UP", mode.word(), 100));
			assertThat(this.gateway.mode("127.0.0.1:40109")).isEqualTo(mode.word());
		}
		assertThat(this.gateway.requests()).containsExactly("POST /api/replicas/127.0.0.1:40109/ready",
				"POST /api/replicas/127.0.0.1:40109/drain", "POST /api/replicas/127.0.0.1:40109/maint");
	}

	@Test
	void aWrongTokenNamesTheCause() throws IOException {
		this.gateway = new FakeGatewayAdmin(TOKEN, "127.0.0.1:40109");
		assertThatIOException().isThrownBy(() -> client("wrong").mode("127.0.0.1:40109", Mode.DRAIN))
			.withMessage("the gateway refused the admin token (Missing or wrong bearer token); "
					+ "is this the gateway ./scaleout up started?");
		assertThat(this.gateway.mode("127.0.0.1:40109")).isEqualTo("ready");
	}

	@Test
	void aReadOnlyGatewayNamesTheMissingProperty() throws IOException {
		this.gateway = new FakeGatewayAdmin(null, "127.0.0.1:40109");
		assertThatIOException().isThrownBy(() -> client(TOKEN).mode("127.0.0.1:40109", Mode.MAINT))
			.withMessageContaining("read-only")
			.withMessageContaining("scaleout.gateway.admin.token");
	}

	@Test
	void anUnknownReplicaIsNamed() throws IOException {
		this.gateway = new FakeGatewayAdmin(TOKEN, "127.0.0.1:40109");
		assertThatIOException().isThrownBy(() -> client(TOKEN).mode("127.0.0.1:1", Mode.DRAIN))
			.withMessage("the gateway knows no replica 127.0.0.1:1 (No replica 127.0.0.1:1); see ./scaleout status");
	}

	@Test
	void noAdminServerSaysWhatMayBeWrong() {
		GatewayAdminClient client = new GatewayAdminClient(URI.create("http://127.0.0.1:" + FreePorts.find()), TOKEN);
		assertThatIOException().isThrownBy(client::replicas)
			.withMessageStartingWith("nothing answers on the gateway's admin port");
	}

	private GatewayAdminClient client(String token) {
		return new GatewayAdminClient(this.gateway.uri(), token);
	}

}
