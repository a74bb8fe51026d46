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
 * closes the connection.
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

}
