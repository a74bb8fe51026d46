package dev.scaleout.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run directory ({@code .scaleout/}): a log file per process under {@code logs/}, the
 * backends file the gateway watches, the launcher's state file that the other commands
 * read to find the running {@code up}, Redis's data, the extracted Redis binary and the
 * CDS archives of the app under {@code cds/}.
 */
public final class RunDirectory {

	private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"?([^\",}]*)\"?");

	private final Path root;

	public RunDirectory(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	public Path log(String name) {
		return this.root.resolve("logs").resolve(name + ".log");
	}

	public Path backendsFile() {
		return this.root.resolve("backends.txt");
	}

	public Path stateFile() {
		return this.root.resolve("launcher.json");
	}

	public Path childrenFile() {
		return this.root.resolve("children");
	}

	public Path cdsArchives() {
		return this.root.resolve("cds");
	}

	public void create() {
		try {
			Files.createDirectories(this.root.resolve("logs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the run directory " + this.root, ex);
		}
	}

	/**
	 * Records how to reach the running launcher; readable by its owner only, since the
	 * token lets whoever holds it stop the stack.
	 * @param state the state
	 */
	public void writeState(LauncherState state) {
		String json = "{\"pid\": " + state.pid() + ", \"controlPort\": " + state.controlPort() + ", \"token\": \""
				+ state.token() + "\", \"gatewayPort\": " + state.gatewayPort() + "}\n";
		try {
			Path temporary = this.root.resolve("launcher.json.tmp");
			Files.writeString(temporary, json);
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			Files.move(temporary, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + stateFile(), ex);
		}
	}

	/**
	 * Reads the state of the launcher running here, if one is.
	 * @return the state, empty when no launcher is running
	 */
	public Optional<LauncherState> readState() {
		Path file = stateFile();
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			String json = Files.readString(file);
			Matcher matcher = FIELD.matcher(json);
			long pid = -1;
			int controlPort = -1;
			int gatewayPort = -1;
			String token = null;
			while (matcher.find()) {
				switch (matcher.group(1)) {
					case "pid" -> pid = Long.parseLong(matcher.group(2).trim());
					case "controlPort" -> controlPort = Integer.parseInt(matcher.group(2).trim());
					case "gatewayPort" -> gatewayPort = Integer.parseInt(matcher.group(2).trim());
					case "token" -> token = matcher.group(2);
					default -> {
					}
				}
			}
			LauncherState state = new LauncherState(pid, controlPort, token, gatewayPort);
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map((handle) -> state);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	public void deleteState() {
		try {
			Files.deleteIfExists(stateFile());
		}
		catch (IOException ex) {
			// a stale file is ignored by readState, its pid being gone
		}
	}

	/**
	 * How the commands reach a running {@code up}.
	 *
	 * @param pid the launcher's pid
	 * @param controlPort the loopback port of its control endpoint
	 * @param token the secret the control endpoint requires
	 * @param gatewayPort the gateway's port
	 */
	public record LauncherState(long pid, int controlPort, String token, int gatewayPort) {
	}

}
