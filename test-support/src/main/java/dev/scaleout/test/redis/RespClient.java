package dev.scaleout.test.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * Just enough of the Redis protocol (RESP2) to check and drive the test server without an application context.
 */
final class RespClient {

	private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

	private RespClient() {
	}

	static String command(String host, int port, String password, String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), SOCKET_TIMEOUT_MILLIS);
			socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			if (password != null) {
				write(socket.getOutputStream(), "AUTH", password);
				read(in);
			}
			write(socket.getOutputStream(), arguments);
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis at " + host + ":" + port + " did not answer " + arguments[0], ex);
		}
	}

	static void awaitPong(String host, int port, String password, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		RuntimeException last = null;
		while (Instant.now().isBefore(deadline)) {
			try {
				if ("PONG".equals(command(host, port, password, "PING"))) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			pause();
		}
		throw new IllegalStateException("Redis at " + host + ":" + port + " did not answer PING within " + timeout,
				last);
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Redis", ex);
		}
	}

	private static void write(OutputStream out, String... arguments) throws IOException {
		StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
			request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
		}
		out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String read(InputStream in) throws IOException {
		int type = in.read();
		String line = readLine(in);
		return switch (type) {
			case '+', ':' -> line;
			case '-' -> throw new IllegalStateException("Redis error: " + line);
			case '$' -> readBulk(in, Integer.parseInt(line));
			case '*' -> readArray(in, Integer.parseInt(line));
			default -> throw new IOException("Unexpected RESP type " + (char) type);
		};
	}

	private static String readBulk(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		byte[] bytes = in.readNBytes(length + 2);
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	private static String readArray(InputStream in, int size) throws IOException {
		StringJoiner joined = new StringJoiner("\n");
		for (int i = 0; i < size; i++) {
			joined.add(String.valueOf(read(in)));
		}
		return joined.toString();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		int current;
		while ((current = in.read()) != -1) {
			if (previous == '\r' && current == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(current);
			previous = current;
		}
		throw new IOException("Connection closed in the middle of a reply");
	}

}
