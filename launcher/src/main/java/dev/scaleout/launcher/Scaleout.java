package dev.scaleout.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./scaleout}: runs a Spring Boot app as many supervised replicas behind the
 * gateway, with Redis for the sessions, on one machine with only a JDK.
 *
 * <pre>
 * ./scaleout up [--replicas N] [--port 8080] [--app jar] [--redis redis://host:port] …
 * ./scaleout status | reload | stop
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
		String command = (args.length > 0) ? args[0] : "help";
		List<String> flags = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
		try {
			switch (command) {
				case "up" -> {
					return new Stack(LaunchOptions.parse(home, flags), Clock.systemUTC()).up();
				}
				case "status", "reload", "stop" -> {
					LaunchOptions options = LaunchOptions.parse(home, flags);
					return new ControlClient(new RunDirectory(options.runDirectory())).run(command);
				}
				case "help", "--help", "-h" -> {
					System.out.print(Usage.TEXT);
					return 0;
				}
				default -> {
					System.err.println("Unknown command '" + command + "'.\n");
					System.err.print(Usage.TEXT);
					return 2;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			System.err.println("./scaleout " + command + " failed: " + ex.getMessage());
			return 1;
		}
	}

}
