package dev.scaleout.resilience;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.report.ReplicationReport.Finding;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Says which HTTP clients call through a breaker, or that none does because Spring Boot's client builder is
 * missing. The client types are looked up by name: a user can lose them at run time, e.g. when his own pom declares
 * {@code spring-boot-starter-restclient} with test scope, which Maven's nearest-wins mediation prefers to the
 * starter's compile scope.
 */
final class OutboundBreakersCheck implements ReplicationCheck {

	private static final Client REST_CLIENT = new Client("RestClient", "org.springframework.web.client.RestClient",
			"org.springframework.boot.restclient.RestClientCustomizer",
			"org.springframework.web.client.RestClient$Builder");

	private static final Client WEB_CLIENT = new Client("WebClient",
			"org.springframework.web.reactive.function.client.WebClient",
			"org.springframework.boot.webclient.WebClientCustomizer",
			"org.springframework.web.reactive.function.client.WebClient$Builder");

	private final ListableBeanFactory beans;

	private final @Nullable ClassLoader classLoader;

	OutboundBreakersCheck(ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
		this.beans = beans;
		this.classLoader = classLoader;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		boolean restClientPresent = REST_CLIENT.present(this.classLoader);
		boolean restClient = restClientPresent && REST_CLIENT.hasBuilder(this.beans, this.classLoader);
		boolean webClient = WEB_CLIENT.present(this.classLoader) && WEB_CLIENT.hasBuilder(this.beans, this.classLoader);
		if (restClient) {
			report.setUp(REST_CLIENT.setUp());
		}
		if (webClient) {
			report.setUp(WEB_CLIENT.setUp());
		}
		if (restClient || webClient) {
			return;
		}
		if (restClientPresent) {
			report.finding(Finding.FEATURE_OFF,
					"Circuit breakers on outbound HTTP calls are off: there is no RestClient.Builder bean from"
							+ " Spring Boot to put them on",
					"Let Spring Boot auto-configure RestClient.Builder (do not exclude RestClientAutoConfiguration)"
							+ " and build your clients from it");
		}
		else {
			report.finding(Finding.FEATURE_OFF,
					"Circuit breakers on outbound HTTP calls are off: neither Spring Boot's RestClient support"
							+ " (spring-boot-restclient) nor its WebClient support (spring-boot-webclient) is on the"
							+ " runtime class path",
					"Add org.springframework.boot:spring-boot-starter-restclient to your pom with compile scope: a"
							+ " test-scoped declaration of it wins over the starter's and leaves it out at run time");
		}
	}

	/**
	 * An HTTP client that the breakers can go on: its type, the Spring Boot customizer that installs them, and the
	 * builder that applies the customizer.
	 */
	private record Client(String name, String type, String customizer, String builder) {

		boolean present(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(this.type, classLoader) && ClassUtils.isPresent(this.customizer, classLoader);
		}

		boolean hasBuilder(ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
			Class<?> builderType = ClassUtils.resolveClassName(this.builder, classLoader);
			return beans.getBeanNamesForType(builderType, true, false).length > 0;
		}

		String setUp() {
			return "Circuit breakers on every " + this.name + " built from Spring Boot's " + this.name
					+ ".Builder, one per host:port (/actuator/circuitbreakers)";
		}

	}

}
