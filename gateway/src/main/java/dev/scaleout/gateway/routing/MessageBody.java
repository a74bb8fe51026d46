package dev.scaleout.gateway.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether a request has a body, by HTTP/1.1's framing rules: only a positive
 * {@code Content-Length} or a {@code Transfer-Encoding} announces one. A request without is
 * sent on, and retried, without subscribing to a body there is not.
 */
public final class MessageBody {

	private MessageBody() {
	}

	/**
	 * Whether a request announces a body.
	 * @param request the request
	 * @return {@code true} if it has a body, possibly empty
	 */
	public static boolean isPresent(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

}
