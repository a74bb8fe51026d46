package dev.scaleout.launcher.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The client of the gateway's admin API ({@code scaleout.gateway.admin.*}, a server of
 * its own on loopback): {@code GET /api/replicas}, and
 * {@code POST /api/replicas/{host:port}/drain|maint|ready} with the bearer token that
 * {@code up} gave the gateway. Errors come as {@code application/problem+json}; each
 * becomes one message that names the cause and what to do.
 */
public final class GatewayAdminClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final URI base;

	private final String token;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * Creates a client.
	 * @param base the admin server, e.g. {@code http://127.0.0.1:40111}
	 * @param token the bearer token of writes
	 */
	public GatewayAdminClient(URI base, String token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * Every replica the gateway knows, with its state, mode and weight.
	 * @return the rows, in the gateway's order
	 * @throws IOException naming the cause when the API does not answer 200
	 */
	public List<ReplicaRow> replicas() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/api/replicas")).timeout(TIMEOUT).GET().build();
		String body = send(request, null);
		List<ReplicaRow> rows = new ArrayList<>();
		for (String object : Json.objectsIn(body.substring(Math.max(0, body.indexOf('['))))) {
			rows.add(ReplicaRow.of(object));
		}
		return rows;
	}

	/**
	 * Sets a replica's mode.
	 * @param address the replica, {@code host:port}
	 * @param mode the mode
	 * @return the replica's row as the gateway answered it
	 * @throws IOException naming the cause when the API does not answer 200
	 */
	public ReplicaRow mode(String address, Mode mode) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/api/replicas/" + address + "/" + mode.word()))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + this.token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return ReplicaRow.of(send(request, address));
	}

	private String send(HttpRequest request, @Nullable String address) throws IOException {
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			throw new IOException("nothing answers on the gateway's admin port (" + this.base + "): the gateway is "
					+ "down or restarting, or its build has no admin API yet; see ./scaleout status");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		if (response.statusCode() == 200) {
			return response.body();
		}
		String detail = Json.field(response.body(), "detail");
		String said = (detail != null) ? detail : response.body().strip();
		String cause = switch (response.statusCode()) {
			case 401 -> "the gateway refused the admin token (" + said + "); is this the gateway ./scaleout up started?";
			case 403 -> "the gateway's admin API is read-only (" + said + "): it was started without "
					+ "scaleout.gateway.admin.token";
			case 404 -> "the gateway knows no replica " + address + " (" + said + "); see ./scaleout status";
			default -> "the gateway's admin API answered " + response.statusCode() + ": " + said;
		};
		throw new IOException(cause);
	}

	/**
	 * The modes of a replica in the gateway.
	 */
	public enum Mode {

		/** Takes traffic. */
		READY,

		/** Being drained. */
		DRAIN,

		/** In maintenance. */
		MAINT;

		/**
		 * The mode as the API spells it.
		 * @return e.g. {@code drain}
		 */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One replica as the admin API lists it.
	 *
	 * @param address {@code host:port}
	 * @param state the gateway's health state, e.g. {@code UP}
	 * @param mode {@code ready}, {@code drain} or {@code maint}
	 * @param weight its weight
	 */
	public record ReplicaRow(@Nullable String address, @Nullable String state, @Nullable String mode, int weight) {

		static ReplicaRow of(String json) {
			String weight = Json.field(json, "weight");
			return new ReplicaRow(Json.field(json, "address"), Json.field(json, "state"), Json.field(json, "mode"),
					(weight != null) ? Integer.parseInt(weight) : -1);
		}

	}

	/**
	 * Just enough JSON for the admin API's answers: the objects of an array, and a
	 * top-level string or number field of an object.
	 */
	static final class Json {

		private Json() {
		}

		/**
		 * The objects directly inside the first array of a text.
		 * @param json text starting at or before the array
		 * @return each object's text
		 */
		static List<String> objectsIn(String json) {
			List<String> objects = new ArrayList<>();
			int depth = 0;
			int start = -1;
			boolean inString = false;
			for (int i = 0; i < json.length(); i++) {
				char c = json.charAt(i);
				if (inString) {
					if (c == '\\') {
						i++;
					}
					else if (c == '"') {
						inString = false;
					}
					continue;
				}
				switch (c) {
					case '"' -> inString = true;
					case '{', '[' -> {
						if (depth == 1 && c == '{') {
							start = i;
						}
						depth++;
					}
					case '}', ']' -> {
						depth--;
						if (depth == 1 && c == '}') {
							objects.add(json.substring(start, i + 1));
						}
						if (depth == 0) {
							return objects;
						}
					}
					default -> {
					}
				}
			}
			return objects;
		}

		/**
		 * A field of an object that is a string, number or boolean.
		 * @param json the object
		 * @param name the field
		 * @return its value, unquoted, or {@code null} when absent
		 */
		static @Nullable String field(String json, String name) {
			Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:\\\\.|[^\"\\\\])*)\"|[-\\w.]+)")
				.matcher(topLevel(json));
			if (!matcher.find()) {
				return null;
			}
			return (matcher.group(2) != null) ? matcher.group(2) : matcher.group(1);
		}

		/**
		 * An object without its nested objects and arrays, so that a field of theirs is not
		 * taken for one of its own.
		 */
		private static String topLevel(String json) {
			StringBuilder top = new StringBuilder();
			int depth = 0;
			boolean inString = false;
			for (int i = 0; i < json.length(); i++) {
				char c = json.charAt(i);
				if (!inString && (c == '{' || c == '[')) {
					depth++;
				}
				if (depth <= 1) {
					top.append(c);
				}
				if (inString && c == '\\' && i + 1 < json.length()) {
					if (depth <= 1) {
						top.append(json.charAt(i + 1));
					}
					i++;
				}
				else if (c == '"') {
					inString = !inString;
				}
				else if (!inString && (c == '}' || c == ']')) {
					depth--;
				}
			}
			return top.toString();
		}

	}

}
