package dev.scaleout.gateway.discovery;

import java.net.URI;
import java.util.Map;

import org.springframework.cloud.client.ServiceInstance;

/**
 * One replica the gateway forwards to: a base URL ({@code scheme://host:port}) and a
 * relative weight. Two backends are the same backend when their URLs are equal, so state
 * kept per backend survives a rediscovery of the same address.
 */
public final class Backend implements ServiceInstance {

	/** The service id under which the replica pool is load balanced. */
	public static final String SERVICE_ID = "backends";

	private final URI uri;

	private final int weight;

	private final String id;

	/** {@code scheme://authority}, what a request's path and query are appended to. */
	private final String origin;

	/**
	 * Creates a backend.
	 * @param uri the base URL, with scheme, host and port
	 * @param weight the relative share of traffic, at least 1
	 */
	public Backend(URI uri, int weight) {
		this.uri = uri;
		this.weight = weight;
		this.id = uri.toString();
		this.origin = uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/**
	 * The URL a request goes to on this backend: its path and query, as the client sent
	 * them, on this backend's scheme, host and port.
	 * @param request the URL the gateway received
	 * @return the URL on this backend
	 */
	public URI resolve(URI request) {
		String path = request.getRawPath();
		String query = request.getRawQuery();
		StringBuilder url = new StringBuilder(this.origin.length() + path.length() + ((query != null) ? query.length() + 1 : 0));
		url.append(this.origin).append(path);
		if (query != null) {
			url.append('?').append(query);
		}
		return URI.create(url.toString());
	}

	/**
	 * The relative share of traffic this backend receives under the weighted strategy.
	 * @return the weight, at least 1
	 */
	public int weight() {
		return this.weight;
	}

	@Override
	public String getInstanceId() {
		return this.id;
	}

	@Override
	public String getServiceId() {
		return SERVICE_ID;
	}

	@Override
	public String getHost() {
		return this.uri.getHost();
	}

	@Override
	public int getPort() {
		if (this.uri.getPort() != -1) {
			return this.uri.getPort();
		}
		return isSecure() ? 443 : 80;
	}

	@Override
	public boolean isSecure() {
		return "https".equals(this.uri.getScheme());
	}

	@Override
	public URI getUri() {
		return this.uri;
	}

	@Override
	public String getScheme() {
		return this.uri.getScheme();
	}

	@Override
	public Map<String, String> getMetadata() {
		return Map.of();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Backend backend) && this.uri.equals(backend.uri);
	}

	@Override
	public int hashCode() {
		return this.uri.hashCode();
	}

	@Override
	public String toString() {
		return this.id;
	}

}
