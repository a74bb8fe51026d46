package dev.scaleout.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The launcher's HTTP calls: readiness probes of the replicas and the gateway, and the
 * gateway's {@code /actuator/backends}.
 */
public final class LoopbackHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private LoopbackHttp() {
	}

	/**
	 * Whether a {@code GET} answers 200.
	 * @param url the URL
	 * @return {@code true} on 200, {@code false} on anything else or no answer
	 */
	public static boolean isOk(String url) {
		try {
			return get(url, Duration.ofSeconds(2)).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static HttpResponse<String> get(String url, Duration timeout) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
