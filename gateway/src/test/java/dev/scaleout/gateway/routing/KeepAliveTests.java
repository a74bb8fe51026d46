package dev.scaleout.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's keep-alive connection to the gateway stays usable whatever the order in which its requests end.
 * Reactor Netty before 1.3.8 stopped reading a connection whose next request arrived while the previous one was
 * still ending and was then answered at once (reactor/reactor-netty#4361): a browser's next request on it waited
 * until it timed out. The build manages Reactor Netty 1.3.8 for that reason; this test fails on 1.3.6.
 */
class KeepAliveTests {

	@Test
	void aConnectionIsReadAgainAfterARequestThatArrivedWhileThePreviousOneWasEnding() throws IOException {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all())) {
			backends.get(0).delay(Duration.ofMillis(50));
			String host = "Host: " + gateway.uri("/").getAuthority() + "\r\n\r\n";
			try (Socket socket = new Socket("127.0.0.1", gateway.uri("/").getPort())) {
				socket.setSoTimeout(5000);
				OutputStream out = socket.getOutputStream();
				InputStream in = socket.getInputStream();
				// the first is answered by the replica after 50 ms, the second by the gateway at once (a refused
				// spelling of its own paths), both sent before the first ends
				out.write(("GET /slow HTTP/1.1\r\n" + host + "GET //actuator/health HTTP/1.1\r\n" + host)
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 200");
				assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 400");
				for (int i = 0; i < 3; i++) {
					out.write(("GET /next HTTP/1.1\r\n" + host).getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					assertThat(RawHttp.readResponse(in)).as("request %d after the two", i + 1)
						.startsWith("HTTP/1.1 200");
				}
			}
		}
	}

}
