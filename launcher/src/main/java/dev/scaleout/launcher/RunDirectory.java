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

import org.jspecify.annotations.Nullable;

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
		writePrivate(stateFile(), "{\"pid\": " + state.pid() + ", \"controlPort\": " + state.controlPort()
				+ ", \"token\": \"" + state.token() + "\", \"gatewayPort\": " + state.gatewayPort() + "}\n");
	}

	/**
	 * Records how to reach the gateway's admin API; readable by its owner only, since the
	 * token lets whoever holds it take replicas out of the gateway.
	 * @param admin the admin API's port and token
	 */
	public void writeGatewayAdmin(GatewayAdmin admin) {
		writePrivate(gatewayAdminFile(), "{\"port\": " + admin.port() + ", \"token\": \"" + admin.token() + "\"}\n");
	}

	/**
	 * How to reach the admin API of the gateway that {@code up} started here.
	 * @return its port and token, empty when none was recorded
	 */
	public Optional<GatewayAdmin> readGatewayAdmin() {
		try {
			Matcher matcher = FIELD.matcher(Files.readString(gatewayAdminFile()));
			int port = -1;
			String token = null;
			while (matcher.find()) {
				switch (matcher.group(1)) {
					case "port" -> port = Integer.parseInt(matcher.group(2).trim());
					case "token" -> token = matcher.group(2);
					default -> {
					}
				}
			}
			return (port > 0 && token != null) ? Optional.of(new GatewayAdmin(port, token)) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	public Path gatewayAdminFile() {
		return this.root.resolve("gateway-admin.json");
	}

	private void writePrivate(Path file, String content) {
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(temporary);
			try {
				// created owner-only, so that the secret is never readable by others, not even for a moment
				Files.createFile(temporary,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
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
			Files.deleteIfExists(gatewayAdminFile());
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
	public record LauncherState(long pid, int controlPort, @Nullable String token, int gatewayPort) {
	}

	/**
	 * How the commands reach the gateway's admin API.
	 *
	 * @param port its loopback port
	 * @param token the bearer token its writes require
	 */
	public record GatewayAdmin(int port, String token) {
	}

}
