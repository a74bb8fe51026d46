package dev.scaleout.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import dev.scaleout.launcher.RunDirectory;
import dev.scaleout.launcher.console.LogFiles;
import dev.scaleout.launcher.control.ControlClient;
import dev.scaleout.launcher.gateway.GatewayAdminClient.Mode;
import dev.scaleout.launcher.stack.Stack;

/**
 * {@code ./scaleout}: runs a Spring Boot app as many supervised replicas behind the
 * gateway, with Redis for the sessions, on one machine with only a JDK.
 *
 * <pre>
 * ./scaleout up [--replicas N] [--port 8080] [--app jar] [--redis redis://host:port] …
 * ./scaleout status [--watch] | logs [NAME] [-f] | reload | stop
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
				case STATUS -> line.watch()
						? new StatusWatch(new ControlClient(run), System.out, Clock.systemDefaultZone()).run(0)
						: new ControlClient(run).run("status");
				case RELOAD, STOP -> new ControlClient(run).run(line.command().word());
				case LOGS -> logs(run, line);
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

	private static int logs(RunDirectory run, CommandLine line) throws IOException {
		LogFiles logs = new LogFiles(run);
		logs.print(line.operand(), System.out);
		if (line.follow()) {
			logs.follow(line.operand(), System.out, () -> true);
		}
		return 0;
	}

}
