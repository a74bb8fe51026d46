package dev.scaleout.launcher.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.control.ControlClient;
import dev.scaleout.launcher.gateway.GatewayAdminClient.Mode;
import dev.scaleout.launcher.stack.Stack;

/**
 * {@code ./scaleout}: runs a Spring Boot app as many supervised replicas behind the
 * gateway, with Redis for the sessions, on one machine with only a JDK.
 *
 * <pre>
 * ./scaleout up [--replicas N] [--port 8080] [--app jar] [--redis redis://host:port] …
 * ./scaleout status | reload | stop
 * ./scaleout drain | maint | ready REPLICA
 * </pre>
 */
public final class Scaleout {

	private Scaleout() {
	}

	/**
	 * Runs one command.
	 * @param args the command and its flags
	 */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		Path home = Path.of(System.getProperty("scaleout.home", ".")).toAbsolutePath().normalize();
		String word = (args.length > 0) ? args[0] : "help";
		try {
			CommandLine line = CommandLine.parse(home, Arrays.asList(args));
			RunDirectory run = new RunDirectory(line.options().runDirectory());
			return switch (line.command()) {
				case UP -> new Stack(line.options(), Clock.systemUTC()).up();
				case STATUS, RELOAD, STOP -> new ControlClient(run).run(line.command().word());
				case DRAIN -> new ReplicaModeCommand(run, System.out).run(line.operand(), Mode.DRAIN);
				case MAINT -> new ReplicaModeCommand(run, System.out).run(line.operand(), Mode.MAINT);
				case READY -> new ReplicaModeCommand(run, System.out).run(line.operand(), Mode.READY);
				case HELP -> {
					System.out.print(Usage.text());
					yield 0;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			System.err.println("./scaleout " + word + " failed: " + ex.getMessage());
			return 1;
		}
	}

}
