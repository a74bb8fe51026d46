package dev.scaleout.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;

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

	private URI uri(String path) {
		return this.target.apply(path);
	}

}
