package dev.scaleout.launcher.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.scaleout.launcher.RunDirectory;

/**
 * The side of {@code status}, {@code reload}, {@code stop} and the replica commands: finds
 * the running {@code up} through the state file and calls its control endpoint.
 */
public final class ControlClient {

	private final RunDirectory run;

	public ControlClient(RunDirectory run) {
		this.run = run;
	}

	/**
	 * Runs one command and prints its answer.
	 * @param command {@code status}, {@code reload} or {@code stop}
	 * @return the exit status
	 */
	public int run(String command) throws IOException, InterruptedException {
		Optional<RunDirectory.LauncherState> state = this.run.readState();
		if (state.isEmpty()) {
			System.err.println(notRunning());
			return 1;
		}
		RunDirectory.LauncherState launcher = state.get();
		String method = "status".equals(command) ? "GET" : "POST";
		Duration timeout = "reload".equals(command) ? Duration.ofMinutes(30) : Duration.ofSeconds(30);
		if ("reload".equals(command)) {
			System.out.println("Reloading one replica at a time (the up terminal shows each step)…");
		}
		HttpResponse<String> response = call(launcher, method, "/" + command, timeout);
		System.out.print(response.body());
		if (response.statusCode() >= 300) {
			return 1;
		}
		if ("stop".equals(command)) {
			ProcessHandle handle = ProcessHandle.of(launcher.pid()).orElse(null);
			if (handle != null) {
				try {
					handle.onExit().get(2, TimeUnit.MINUTES);
				}
				catch (Exception ex) {
					System.err.println("The launcher (pid " + launcher.pid() + ") has not exited within 2 minutes");
					return 1;
				}
			}
			System.out.println("stopped");
		}
		return response.body().contains("FAILED") ? 1 : 0;
	}

	/**
	 * The status table of the running {@code up}.
	 * @return the table
	 * @throws IOException when no {@code up} runs here, or it does not answer
	 */
	public String status() throws IOException {
		return answer("/status");
	}

	/**
	 * Where each replica of the running {@code up} listens.
	 * @return replica name to {@code host:port}
	 * @throws IOException when no {@code up} runs here, or it does not answer
	 */
	public Map<String, String> replicaAddresses() throws IOException {
		Map<String, String> addresses = new LinkedHashMap<>();
		answer("/replicas").lines().map((line) -> line.split(" ")).filter((fields) -> fields.length == 2)
			.forEach((fields) -> addresses.put(fields[0], fields[1]));
		return addresses;
	}

	/**
	 * What to say when no {@code up} runs here.
	 * @return the message, naming the state file and the fix
	 */
	String notRunning() {
		return "No ./scaleout up is running here (no live launcher in " + this.run.stateFile()
				+ "). Start one with ./scaleout up";
	}

	private String answer(String path) throws IOException {
		RunDirectory.LauncherState launcher = this.run.readState().orElseThrow(() -> new IOException(notRunning()));
		try {
			HttpResponse<String> response = call(launcher, "GET", path, Duration.ofSeconds(10));
			if (response.statusCode() != 200) {
				throw new IOException("the launcher answered " + response.statusCode() + " to GET " + path + ": "
						+ response.body().strip());
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private static HttpResponse<String> call(RunDirectory.LauncherState launcher, String method, String path,
			Duration timeout) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.controlPort() + path))
			.header(ControlServer.TOKEN_HEADER, launcher.token())
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(timeout)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
