package dev.scaleout.launcher.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.scaleout.launcher.RunDirectory;

/**
 * The side of {@code status}, {@code reload} and {@code stop}: finds the running
 * {@code up} through the state file and calls its control endpoint.
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
			System.err.println("No ./scaleout up is running here (no live launcher in " + this.run.stateFile()
					+ "). Start one with ./scaleout up");
			return 1;
		}
		RunDirectory.LauncherState launcher = state.get();
		String method = "status".equals(command) ? "GET" : "POST";
		Duration timeout = "reload".equals(command) ? Duration.ofMinutes(30) : Duration.ofSeconds(30);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + launcher.controlPort() + "/" + command))
			.header(ControlServer.TOKEN_HEADER, launcher.token())
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(timeout)
			.build();
		if ("reload".equals(command)) {
			System.out.println("Reloading one replica at a time (the up terminal shows each step)…");
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
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

}
