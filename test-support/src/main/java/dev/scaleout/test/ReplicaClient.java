package dev.scaleout.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scaleout.test.app.CookieJarClient;
import org.jspecify.annotations.Nullable;

/**
 * A browser for the replicas: an HTTP/1.1 client with one cookie jar, so that the session cookie one replica sets
 * goes to every other, which sends each request to the replica its target picks. It follows no redirect.
 * <p>
 * {@link #onReplica(int)}, {@link #alternating()} and {@link #throughGateway()} give other targets for the same
 * cookie jar: log in on one replica, read on another.
 */
public final class ReplicaClient {

	private static final String CSRF_FIELD = "_csrf";

	private static final Pattern INPUT = Pattern.compile("<input[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private final CookieJarClient browser;

	private final Replicas replicas;

	private final Function<String, URI> target;

	private ReplicaClient(CookieJarClient browser, Replicas replicas, Function<String, URI> target) {
		this.browser = browser;
		this.replicas = replicas;
		this.target = target;
	}

	static ReplicaClient create(Replicas replicas, Function<String, URI> target) {
		return new ReplicaClient(new CookieJarClient(), replicas, target);
	}

	/**
	 * The same cookie jar, sending every request to one replica.
	 * @param index the replica's index, from 0
	 * @return a client for that replica
	 */
	public ReplicaClient onReplica(int index) {
		Replica replica = this.replicas.replica(index);
		return new ReplicaClient(this.browser, this.replicas, replica::uri);
	}

	/**
	 * The same cookie jar, sending each request to the next running replica in turn, from the first: a request
	 * never meets the replica that answered the one before it (with two or more running).
	 * @return an alternating client
	 */
	public ReplicaClient alternating() {
		return new ReplicaClient(this.browser, this.replicas, this.replicas.alternatingTarget());
	}

	/**
	 * The same cookie jar, sending every request to the gateway.
	 * @return a client of the gateway
	 * @throws IllegalStateException when the test runs no gateway
	 */
	public ReplicaClient throughGateway() {
		URI gateway = this.replicas.gatewayUri();
		return new ReplicaClient(this.browser, this.replicas, (path) -> URI.create(gateway + path));
	}

	/**
	 * {@code GET path}.
	 * @param path the path, with its query if any
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return this.browser.get(uri(path));
	}

	/**
	 * {@code POST path} without a body.
	 * @param path the path, with its query if any
	 * @return the response
	 */
	public HttpResponse<String> post(String path) {
		return this.browser.post(uri(path));
	}

	/**
	 * Posts {@code application/x-www-form-urlencoded} fields, as an HTML form does.
	 * @param path the form's action
	 * @param fields the fields, e.g. {@code username}, {@code password} and {@code _csrf}
	 * @return the response
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		return this.browser.postForm(uri(path), fields);
	}

	/**
	 * Logs in through a login form, as Spring Security's {@code formLogin()} makes it: reads the form page for its
	 * CSRF token (the hidden {@code _csrf} field, when there is one), then posts the username, the password and the
	 * token.
	 * @param loginPath the login page, which the form posts to as well, e.g. {@code /login}
	 * @param username the {@code username} field
	 * @param password the {@code password} field
	 * @return the answer to the post: a redirect to the page asked for, or back to the form with an error
	 */
	public HttpResponse<String> formLogin(String loginPath, String username, String password) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("username", username, "password", password));
		String token = hiddenField(get(loginPath).body(), CSRF_FIELD);
		if (token != null) {
			fields.put(CSRF_FIELD, token);
		}
		return postForm(loginPath, fields);
	}

	/**
	 * The CSRF token of a page's forms: the value of its hidden {@code _csrf} field.
	 * @param path the page
	 * @return the token
	 * @throws IllegalStateException when the page has no such field
	 */
	public String csrfToken(String path) {
		HttpResponse<String> page = get(path);
		String token = hiddenField(page.body(), CSRF_FIELD);
		if (token == null) {
			throw new IllegalStateException("GET " + path + " answered " + page.statusCode()
					+ " without a hidden " + CSRF_FIELD + " field: log in first, or ask a page with a form");
		}
		return token;
	}

	/**
	 * Sends any request, to the URI of {@code path} at this client's target, through the cookie jar.
	 * @param path the path, with its query if any
	 * @param request completes the request, e.g. {@code (request) -> request.PUT(BodyPublishers.ofString(json))}
	 * @return the response
	 */
	public HttpResponse<String> send(String path, Function<HttpRequest.Builder, HttpRequest.Builder> request) {
		return this.browser.send(request.apply(HttpRequest.newBuilder(uri(path))));
	}

	/**
	 * The value of a cookie in the jar.
	 * @param name the cookie's name, e.g. {@code SESSION}
	 * @return its value, or {@code null} when there is none
	 */
	public @Nullable String cookie(String name) {
		return this.browser.cookie(name);
	}

	private static @Nullable String hiddenField(String html, String name) {
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String tag = input.group();
			Matcher value = VALUE.matcher(tag);
			if (tag.contains("name=\"" + name + "\"") && value.find()) {
				return value.group(1);
			}
		}
		return null;
	}

	private URI uri(String path) {
		return this.target.apply(path);
	}

}
