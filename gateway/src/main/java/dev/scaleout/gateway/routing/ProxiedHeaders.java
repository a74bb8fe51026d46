package dev.scaleout.gateway.routing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * The headers a replica receives and the client gets back, each in one pass from Netty's
 * headers to Netty's headers.
 * <p>
 * Requests: hop-by-hop headers (and those the {@code Connection} header names) are dropped,
 * as are {@code Host} (the HTTP client sets the backend's) and the client's
 * {@code Forwarded}, {@code X-Forwarded-*} and {@code X-Real-IP}, which it could forge;
 * then {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} and
 * {@code X-Real-IP} are set from what the gateway sees. A {@code Content-Length} beside
 * {@code Transfer-Encoding: chunked} is dropped (request smuggling). Responses: hop-by-hop
 * headers are dropped.
 * <p>
 * Spring Cloud Gateway does the same with six header filters that each copy every header of
 * every request into a new {@code HttpHeaders}, before its routing filter copies the result
 * once more into Netty's; here the request's headers are read where Netty parsed them and
 * written where the HTTP client sends them from (bench/NOTES.md, section 12).
 */
final class ProxiedHeaders {

	static final String X_REAL_IP = "X-Real-IP";

	private static final AsciiString[] HOP_BY_HOP = RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST.stream()
		.map(AsciiString::of)
		.toArray(AsciiString[]::new);

	private static final AsciiString X_FORWARDED_PREFIX = AsciiString.of("x-forwarded-");

	private static final AsciiString FORWARDED = AsciiString.of("forwarded");

	private static final AsciiString REAL_IP = AsciiString.of(X_REAL_IP);

	// names whose hash codes Netty computes once, not on every request
	private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");

	private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");

	private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");

	private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");

	private ProxiedHeaders() {
	}

	/**
	 * Writes the headers of a proxied request.
	 * @param request the request the gateway received
	 * @param out the headers the HTTP client sends to the backend
	 */
	static void request(ServerHttpRequest request, io.netty.handler.codec.http.HttpHeaders out) {
		io.netty.handler.codec.http.HttpHeaders in = nettyHeaders(request);
		List<String> connectionOptions = connectionOptions(in);
		boolean smuggledLength = isChunked(in.get(HttpHeaderNames.TRANSFER_ENCODING));
		Iterator<Map.Entry<CharSequence, CharSequence>> headers = in.iteratorCharSequence();
		while (headers.hasNext()) {
			Map.Entry<CharSequence, CharSequence> header = headers.next();
			CharSequence name = header.getKey();
			if (!isHopByHop(name, connectionOptions) && !isForwarding(name)
					&& !AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST)
					&& !(smuggledLength && AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONTENT_LENGTH))) {
				out.add(name, header.getValue());
			}
		}
		// the client's were all dropped above: adding is setting
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote != null && remote.getAddress() != null) {
			String client = remote.getAddress().getHostAddress();
			out.add(X_FORWARDED_FOR, client);
			out.add(REAL_IP, client);
		}
		String scheme = request.getURI().getScheme();
		out.add(X_FORWARDED_PROTO, scheme);
		String host = in.get(HttpHeaderNames.HOST);
		if (host != null) {
			out.add(X_FORWARDED_HOST, host);
		}
		int port = request.getURI().getPort();
		out.add(X_FORWARDED_PORT, (port != -1) ? port : "https".equals(scheme) ? 443 : 80);
	}

	/**
	 * Writes the headers of a backend's response.
	 * @param in the headers the backend sent
	 * @param out the headers of the gateway's response
	 */
	static void response(io.netty.handler.codec.http.HttpHeaders in, HttpHeaders out) {
		List<String> connectionOptions = connectionOptions(in);
		Iterator<Map.Entry<CharSequence, CharSequence>> headers = in.iteratorCharSequence();
		while (headers.hasNext()) {
			Map.Entry<CharSequence, CharSequence> header = headers.next();
			CharSequence name = header.getKey();
			if (!isHopByHop(name, connectionOptions)) {
				out.add(name.toString(), header.getValue().toString());
			}
		}
	}

	private static io.netty.handler.codec.http.HttpHeaders nettyHeaders(ServerHttpRequest request) {
		if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest nativeRequest) {
			return nativeRequest.requestHeaders();
		}
		// a request the gateway did not receive from Reactor Netty (a test's mock)
		io.netty.handler.codec.http.HttpHeaders copy = new DefaultHttpHeaders();
		request.getHeaders().forEach(copy::add);
		return copy;
	}

	private static List<String> connectionOptions(io.netty.handler.codec.http.HttpHeaders headers) {
		List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
		if (values.size() == 1 && values.get(0).indexOf(',') < 0) {
			// the common case, "keep-alive" or "close"
			return List.of(values.get(0).trim());
		}
		List<String> options = new ArrayList<>();
		for (String value : values) {
			for (String option : value.split(",")) {
				options.add(option.trim());
			}
		}
		return options;
	}

	private static boolean isHopByHop(CharSequence name, List<String> connectionOptions) {
		for (AsciiString hopByHop : HOP_BY_HOP) {
			if (AsciiString.contentEqualsIgnoreCase(name, hopByHop)) {
				return true;
			}
		}
		for (String option : connectionOptions) {
			if (AsciiString.contentEqualsIgnoreCase(name, option)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isForwarding(CharSequence name) {
		return AsciiString.regionMatches(name, true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length())
				|| AsciiString.contentEqualsIgnoreCase(name, FORWARDED) || AsciiString.contentEqualsIgnoreCase(name, REAL_IP);
	}

	private static boolean isChunked(@Nullable String transferEncoding) {
		return transferEncoding != null && "chunked".equalsIgnoreCase(transferEncoding.trim());
	}

}
