package com.example.reactive;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux app behind a gateway, on Netty on loopback: the gateway's {@code X-Forwarded-*} headers make a
 * redirect go to the client's URL, and a client the replica does not trust cannot forge them.
 */
class ReactiveForwardedHeadersTests {

	@Test
	void redirectFromBehindATrustedProxyGoesToTheClientsUrl() {
		try (RunningApp app = start()) {
			HttpResponse<String> response = forwarded(app, "/checkout");
			assertThat(response.statusCode()).isEqualTo(303);
			assertThat(response.headers().firstValue("Location")).hasValue("https://shop.example.com/hello");
		}
	}

	@Test
	void headersFromAnAddressThatIsNotATrustedProxyAreIgnored() {
		try (RunningApp app = start("--scaleout.forwarded.internal-proxies=10.0.0.0/8")) {
			assertThat(forwarded(app, "/checkout").headers().firstValue("Location"))
				.hasValue("http://127.0.0.1:" + app.port() + "/hello");
		}
	}

	@Test
	void applicationCanSwitchForwardedHeadersOff() {
		try (RunningApp app = start("--server.forward-headers-strategy=none")) {
			assertThat(forwarded(app, "/checkout").headers().firstValue("Location"))
				.hasValue("http://127.0.0.1:" + app.port() + "/hello");
		}
	}

	private static RunningApp start(String... arguments) {
		return RunningApp.start(ReactiveApplication.class,
				Stream.concat(Stream.of(TestRedis.shared().springArguments()), Stream.of(arguments))
					.toArray(String[]::new));
	}

	/**
	 * What Spring Cloud Gateway sends for a client at 203.0.113.7 that asked for https://shop.example.com.
	 */
	private static HttpResponse<String> forwarded(RunningApp app, String path) {
		return new CookieJarClient().send(HttpRequest.newBuilder(app.uri(path))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "shop.example.com")
			.header("X-Forwarded-Port", "443")
			.GET());
	}

}
