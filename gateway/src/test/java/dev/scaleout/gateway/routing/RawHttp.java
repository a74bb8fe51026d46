package dev.scaleout.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes that no HTTP client library would send — request lines {@link URI} refuses,
 * oversized headers, pipelined requests — and reads what comes back until the server
 * closes the connection, or one response at a time on a connection kept alive.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the request line(s) and headers given, then {@code Host} and
	 * {@code Connection: close} and the blank line; answers all that was read, header names
	 * in lower case.
	 */
	static String exchange(URI base, String head) throws IOException {
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Host: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return lowerCaseHeaderNames(readAll(socket.getInputStream()));
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("The gateway neither answered completely nor closed the connection in 5 s; read: "
					+ read.toString(StandardCharsets.ISO_8859_1), ex);
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	private static String lowerCaseHeaderNames(String answer) {
		StringBuilder result = new StringBuilder();
		for (String line : answer.split("\r\n", -1)) {
			int colon = line.indexOf(':');
			boolean header = colon > 0 && !line.startsWith("{") && !line.startsWith("HTTP/");
			result.append(header ? line.substring(0, colon).toLowerCase(Locale.ROOT) + line.substring(colon) : line)
				.append("\r\n");
		}
		return result.toString();
	}

	/**
	 * Reads one response with a {@code Content-Length} body from a connection kept alive, waiting 5 s at most (the
	 * socket's timeout); answers it as read, header names as sent.
	 */
	static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		try {
			String head = readHead(in, read);
			int length = contentLength(head);
			for (int i = 0; i < length; i++) {
				int b = in.read();
				if (b == -1) {
					break;
				}
				read.write(b);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("No complete answer in 5 s on the kept-alive connection; read: "
					+ read.toString(StandardCharsets.ISO_8859_1), ex);
		}
		return read.toString(StandardCharsets.ISO_8859_1);
	}

	private static String readHead(InputStream in, ByteArrayOutputStream read) throws IOException {
		while (!read.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("The gateway closed the connection; read: "
						+ read.toString(StandardCharsets.ISO_8859_1));
			}
			read.write(b);
		}
		return read.toString(StandardCharsets.ISO_8859_1);
	}

	private static int contentLength(String head) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
				return Integer.parseInt(line.substring(colon + 1).trim());
			}
		}
		throw new IllegalStateException("A response without Content-Length: " + head);
	}

}
