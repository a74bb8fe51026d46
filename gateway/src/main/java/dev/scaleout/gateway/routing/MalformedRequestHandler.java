package dev.scaleout.gateway.routing;

import java.net.URI;
import java.net.URISyntaxException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Answers, with problem+json, the requests that never reach Spring WebFlux because they
 * cannot be parsed: a request line or header section over the server's limits (414, 431),
 * any other HTTP decoding failure (400), and a request target that is not a URI, such as
 * {@code /actuator/%} or {@code /%zz} (400). Reactor Netty and Spring's
 * {@code ReactorHttpHandlerAdapter} answer these with an empty body, below every filter and
 * exception handler of the gateway. Like them, this closes the connection after the answer:
 * the rest of what the client sent cannot be trusted to be framed as it meant.
 * <p>
 * Sits in the connection's pipeline right after the HTTP codec (Finagle's
 * {@code BadRequestHandler} does the same). A request that arrives while an earlier one on
 * the connection (HTTP pipelining) is still unanswered is passed on untouched, so answers
 * never overtake one another; Reactor Netty then answers it as before.
 */
final class MalformedRequestHandler extends ChannelDuplexHandler {

	/** The handler's name in the pipeline. */
	static final String NAME = "scaleout.malformedRequest";

	private static final Log logger = LogFactory.getLog(MalformedRequestHandler.class);

	private static final String DETAIL_BAD_TARGET = "The request target is not a valid URI "
			+ "(a percent sign not followed by two hexadecimal digits, or a character that must be percent-encoded); "
			+ "send it encoded as RFC 3986 says.";

	private static final boolean[] PLAIN = new boolean[128];

	static {
		String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";
		for (int i = 0; i < plain.length(); i++) {
			PLAIN[plain.charAt(i)] = true;
		}
	}

	/** Requests passed on whose answer has not been written completely yet. */
	private int unanswered;

	/** Set once a request was refused: what follows on the connection is dropped. */
	private boolean refused;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.refused) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (msg instanceof HttpRequest request && this.unanswered == 0) {
			HttpStatus status = refusal(request);
			if (status != null) {
				ReferenceCountUtil.release(msg);
				refuse(ctx, status, detail(status, request.decoderResult()));
				return;
			}
		}
		if (msg instanceof HttpRequest) {
			this.unanswered++;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof LastHttpContent && this.unanswered > 0) {
			this.unanswered--;
		}
		ctx.write(msg, promise);
	}

	private static @Nullable HttpStatus refusal(HttpRequest request) {
		DecoderResult result = request.decoderResult();
		if (result.isFailure()) {
			if (result.cause() instanceof TooLongHttpLineException) {
				return HttpStatus.URI_TOO_LONG;
			}
			if (result.cause() instanceof TooLongHttpHeaderException) {
				return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			}
			return HttpStatus.BAD_REQUEST;
		}
		return isUri(request.uri()) ? null : HttpStatus.BAD_REQUEST;
	}

	/**
	 * Whether Spring can build the request's URI: it appends an origin-form target to the
	 * scheme and authority and parses the whole with {@link URI}.
	 */
	static boolean isUri(String target) {
		if (isPlainOriginForm(target)) {
			return true;
		}
		try {
			new URI(target.startsWith("/") ? "http://gateway" + target : target);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Whether a target is a path and query of characters that {@link URI} accepts anywhere
	 * there (letters, digits, {@code -._~!$&'()*+,;=:@/?} and well-formed percent-encodings):
	 * nearly every request's, checked in one scan instead of a parse.
	 */
	private static boolean isPlainOriginForm(String target) {
		int length = target.length();
		if (length == 0 || target.charAt(0) != '/') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			char c = target.charAt(i);
			if (c == '%') {
				if (i + 2 >= length || Character.digit(target.charAt(i + 1), 16) < 0
						|| Character.digit(target.charAt(i + 2), 16) < 0) {
					return false;
				}
				i += 2;
			}
			else if (c >= 128 || !PLAIN[c]) {
				return false;
			}
		}
		return true;
	}

	private static String detail(HttpStatus status, DecoderResult result) {
		return switch (status) {
			case URI_TOO_LONG -> "The request line is longer than the gateway accepts; "
					+ "send long data in the body rather than in the URL.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the gateway accepts; "
					+ "send fewer or smaller headers (cookies count).";
			default -> result.isFailure() ? "The request is not valid HTTP/1.1." : DETAIL_BAD_TARGET;
		};
	}

	private void refuse(ChannelHandlerContext ctx, HttpStatus status, String detail) {
		this.refused = true;
		if (logger.isDebugEnabled()) {
			logger.debug("Refused an unparsable request from " + ctx.channel().remoteAddress() + " with " + status);
		}
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(status.value()),
				Unpooled.wrappedBuffer(ProblemResponses.body(status, detail, null)));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

}
