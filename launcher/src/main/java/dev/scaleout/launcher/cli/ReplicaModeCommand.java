package dev.scaleout.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.control.ControlClient;
import dev.scaleout.launcher.gateway.GatewayAdminClient;
import dev.scaleout.launcher.gateway.GatewayAdminClient.Mode;
import dev.scaleout.launcher.gateway.GatewayAdminClient.ReplicaRow;

/**
 * {@code ./scaleout drain|maint|ready REPLICA}: finds where the replica listens (its name,
 * such as {@code replica-1}, through the running {@code up}; or {@code host:port} as is),
 * then sets its mode through the gateway's admin API, with the port and token that
 * {@code up} recorded in the run directory.
 */
final class ReplicaModeCommand {

	private static final Pattern ADDRESS = Pattern.compile("[\\w.-]+:\\d+");

	private final RunDirectory run;

	private final PrintStream out;

	ReplicaModeCommand(RunDirectory run, PrintStream out) {
		this.run = run;
		this.out = out;
	}

	/**
	 * Sets a replica's mode.
	 * @param replica its name or {@code host:port}
	 * @param mode the mode
	 * @return the exit status
	 * @throws IOException naming the cause when the replica or the gateway cannot be reached
	 */
	int run(String replica, Mode mode) throws IOException {
		String address = address(replica);
		RunDirectory.GatewayAdmin admin = this.run.readGatewayAdmin()
			.orElseThrow(() -> new IOException("no gateway admin API is recorded in " + this.run.gatewayAdminFile()
					+ "; is ./scaleout up running here?"));
		GatewayAdminClient client = new GatewayAdminClient(URI.create("http://127.0.0.1:" + admin.port()),
				admin.token());
		ReplicaRow row = client.mode(address, mode);
		this.out.println(describe(replica, address) + ": mode " + row.mode() + " (gateway state " + row.state()
				+ ", weight " + row.weight() + ")");
		return 0;
	}

	private String address(String replica) throws IOException {
		if (ADDRESS.matcher(replica).matches()) {
			return replica;
		}
		Map<String, String> addresses = new ControlClient(this.run).replicaAddresses();
		String address = addresses.get(replica);
		if (address == null) {
			throw new IOException("no running replica is named '" + replica + "'; the running ones are "
					+ String.join(", ", addresses.keySet()) + " (or give host:port)");
		}
		return address;
	}

	private static String describe(String replica, String address) {
		return replica.equals(address) ? address : replica + " (" + address + ")";
	}

}
