package dev.scaleout.launcher.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.control.ControlServer;
import dev.scaleout.launcher.gateway.FakeGatewayAdmin;
import dev.scaleout.launcher.gateway.GatewayAdminClient.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@code ./scaleout drain|maint|ready REPLICA}: the replica's name resolved through the
 * running launcher's control endpoint, the mode set through a real HTTP server on
 * loopback that implements the gateway's admin API, with the port and token recorded in
 * the run directory.
 */
class ReplicaModeCommandTests {

	private static final String TOKEN = "0123456789abcdef";

	@TempDir
	Path directory;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private RunDirectory run;

	private ControlServer control;

	private FakeGatewayAdmin gateway;

	@BeforeEach
	void runALauncherAndAGateway() throws IOException {
		this.run = new RunDirectory(this.directory);
		this.run.create();
		this.control = new ControlServer("control-token",
				new FakeStack().replica("replica-1", "127.0.0.1:40109").replica("replica-2", "127.0.0.1:40110"));
		this.run.writeState(new RunDirectory.LauncherState(ProcessHandle.current().pid(), this.control.port(),
				"control-token", 8080));
		this.gateway = new FakeGatewayAdmin(TOKEN, "127.0.0.1:40109", "127.0.0.1:40110");
		this.run.writeGatewayAdmin(new RunDirectory.GatewayAdmin(this.gateway.port(), TOKEN));
	}

	@AfterEach
	void stopThem() {
		this.control.close();
		this.gateway.close();
	}

	@Test
	void drainsMaintainsAndReadiesAReplicaByItsName() throws IOException {
		assertThat(command().run("replica-2", Mode.DRAIN)).isZero();
		assertThat(this.gateway.mode("127.0.0.1:40110")).isEqualTo("drain");
		assertThat(command().run("replica-2", Mode.MAINT)).isZero();
		assertThat(this.gateway.mode("127.0.0.1:40110")).isEqualTo("maint");
		assertThat(command().run("replica-2", Mode.READY)).isZero();
		assertThat(this.gateway.mode("127.0.0.1:40110")).isEqualTo("ready");
		assertThat(this.gateway.mode("127.0.0.1:40109")).isEqualTo("ready");
		assertThat(printed()).contains("replica-2 (127.0.0.1:40110): mode drain (gateway state UP, weight 100)",
				"replica-2 (127.0.0.1:40110): mode ready");
	}

	@Test
	void takesHostAndPortAsIs() throws IOException {
		assertThat(command().run("127.0.0.1:40109", Mode.MAINT)).isZero();
		assertThat(this.gateway.mode("127.0.0.1:40109")).isEqualTo("maint");
	}

	@Test
	void anUnknownNameListsTheRunningReplicas() {
		assertThatIOException().isThrownBy(() -> command().run("replica-9", Mode.DRAIN))
			.withMessage("no running replica is named 'replica-9'; the running ones are replica-1, replica-2 "
					+ "(or give host:port)");
	}

	@Test
	void theTokenFileIsReadableByItsOwnerOnly() throws IOException {
		assertThat(Files.getPosixFilePermissions(this.run.gatewayAdminFile()))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void withoutARecordedAdminApiSaysSo() throws IOException {
		Files.delete(this.run.gatewayAdminFile());
		assertThatIOException().isThrownBy(() -> command().run("replica-1", Mode.DRAIN))
			.withMessageStartingWith("no gateway admin API is recorded in " + this.run.gatewayAdminFile());
	}

	private ReplicaModeCommand command() {
		return new ReplicaModeCommand(this.run, new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
