package dev.scaleout.forwarded;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica behind a gateway, on a real Tomcat on loopback: the gateway's {@code X-Forwarded-*} headers make
 * redirects, links, the remote address and {@code isSecure()} the client's, and a client the replica does not trust
 * cannot forge them.
 */
class ForwardedHeadersIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void redirectFromBehindATrustedProxyGoesToTheClientsUrl() {
		try (RunningApp app = RunningApp.start(ClientViewApplication.class)) {
			HttpResponse<String> response = forwarded(app, "/elsewhere");
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).hasValue("https://shop.example.com/client");
		}
	}

	@Test
	void remoteAddressSchemeAndLinksAreTheClientsBehindATrustedProxy() {
		try (RunningApp app = RunningApp.start(ClientViewApplication.class)) {
			JsonNode client = json.readTree(forwarded(app, "/client").body());
			assertThat(client.get("remoteAddr").asString()).isEqualTo("203.0.113.7");
			assertThat(client.get("secure").asBoolean()).isTrue();
			assertThat(client.get("link").asString()).isEqualTo("https://shop.example.com/orders/1");
		}
	}

	@Test
	void headersFromAnAddressThatIsNotATrustedProxyAreIgnored() {
		try (RunningApp app = RunningApp.start(ClientViewApplication.class,
				"--server.tomcat.remoteip.internal-proxies=10.0.0.0/8")) {
			JsonNode client = json.readTree(forwarded(app, "/client").body());
			assertThat(client.get("remoteAddr").asString()).isEqualTo("127.0.0.1");
			assertThat(client.get("secure").asBoolean()).isFalse();
			assertThat(client.get("link").asString()).isEqualTo("http://127.0.0.1:" + app.port() + "/orders/1");
			assertThat(forwarded(app, "/elsewhere").headers().firstValue("Location"))
				.hasValue("http://127.0.0.1:" + app.port() + "/client");
		}
	}

	@Test
	void applicationCanSwitchForwardedHeadersOff() {
		try (RunningApp app = RunningApp.start(ClientViewApplication.class, "--server.forward-headers-strategy=none")) {
			JsonNode client = json.readTree(forwarded(app, "/client").body());
			assertThat(client.get("remoteAddr").asString()).isEqualTo("127.0.0.1");
			assertThat(client.get("secure").asBoolean()).isFalse();
		}
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

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClientViewController.class)
	static class ClientViewApplication {

	}

	@RestController
	static class ClientViewController {

		@GetMapping("/client")
		Map<String, Object> client(HttpServletRequest request) {
			return Map.of("remoteAddr", request.getRemoteAddr(), "secure", request.isSecure(), "link",
					ServletUriComponentsBuilder.fromCurrentContextPath().path("/orders/1").toUriString());
		}

		@GetMapping("/elsewhere")
		RedirectView elsewhere() {
			return new RedirectView("/client");
		}

	}

}
