package dev.scaleout.gateway.discovery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.RunningGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS discovery: every A record of one host name.
 */
class DnsBackendPoolTests {

	private static final DiscoveryProperties.Dns DNS = new DiscoveryProperties.Dns("replicas", 8080, "http",
			Duration.ofSeconds(5));

	@Test
	void turnsEveryARecordIntoABackend() throws Exception {
		DnsBackendPool pool = new DnsBackendPool(DNS, (host) -> addresses("10.0.0.2", "10.0.0.1", "::1"));
		assertThat(pool.backends()).extracting(Backend::getUri)
			.containsExactly(URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080"));
	}

	@Test
	void followsRecordsAsTheyChange() throws Exception {
		AtomicReference<List<InetAddress>> records = new AtomicReference<>(addresses("10.0.0.1"));
		DnsBackendPool pool = new DnsBackendPool(DNS, (host) -> records.get());
		records.set(addresses("10.0.0.1", "10.0.0.3"));
		pool.refresh();
		assertThat(pool.backends()).hasSize(2);
	}

	@Test
	void keepsTheLastPoolWhenResolutionFails() throws Exception {
		AtomicReference<List<InetAddress>> records = new AtomicReference<>(addresses("10.0.0.1"));
		DnsBackendPool pool = new DnsBackendPool(DNS, (host) -> {
			if (records.get() == null) {
				throw new UnknownHostException(host);
			}
			return records.get();
		});
		records.set(null);
		pool.refresh();
		assertThat(pool.backends()).extracting(Backend::getHost).containsExactly("10.0.0.1");
	}

	@Test
	void resolvesLocalhostWithTheSystemResolver() {
		DnsBackendPool pool = new DnsBackendPool(new DiscoveryProperties.Dns("localhost", 9000, "http",
				Duration.ofSeconds(5)), HostResolver.system());
		assertThat(pool.backends()).extracting(Backend::getUri).contains(URI.create("http://127.0.0.1:9000"));
	}

	@Test
	void gatewayForwardsToReplicasFoundThroughDns() {
		try (Backends backends = Backends.start(1);
				RunningGateway gateway = RunningGateway.start("scaleout.gateway.discovery=dns",
						"scaleout.gateway.dns.host=localhost", "scaleout.gateway.dns.port=" + backends.get(0).port(),
						"scaleout.gateway.dns.refresh-interval=1s")) {
			assertThat(gateway.get("/").headers().firstValue("X-Instance-Id")).hasValue("replica-1");
		}
	}

	private static List<InetAddress> addresses(String... addresses) throws UnknownHostException {
		InetAddress[] resolved = new InetAddress[addresses.length];
		for (int i = 0; i < addresses.length; i++) {
			resolved[i] = InetAddress.getByName(addresses[i]);
		}
		return List.of(resolved);
	}

}
