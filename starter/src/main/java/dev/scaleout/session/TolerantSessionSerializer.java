package dev.scaleout.session;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Reads session values without failing the whole request on one bad value: an unreadable value comes back as an
 * {@link UnreadableValue}, which {@link TolerantSessionMapper} turns into "no session". Spring Session alone would
 * answer such a request with 500 every time the browser sends that cookie.
 */
final class TolerantSessionSerializer implements RedisSerializer<Object> {

	private final RedisSerializer<Object> delegate;

	TolerantSessionSerializer(RedisSerializer<Object> delegate) {
		this.delegate = delegate;
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) throws SerializationException {
		return this.delegate.serialize(value);
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		try {
			return this.delegate.deserialize(bytes);
		}
		catch (SerializationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new UnreadableValue(cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()));
		}
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end != -1) ? message.substring(0, end) : message;
	}

}
