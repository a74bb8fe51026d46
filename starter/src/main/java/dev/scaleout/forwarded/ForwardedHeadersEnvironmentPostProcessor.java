package dev.scaleout.forwarded;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults {@value #STRATEGY} so that a replica behind a gateway builds redirects and links with the client's
 * scheme, host and port, and sees the client's address — from trusted proxies only.
 * <p>
 * On Tomcat it is {@code native}, Tomcat's {@code RemoteIpValve}: it honours {@code X-Forwarded-*} headers only from
 * the addresses in {@code server.tomcat.remoteip.internal-proxies} (Spring Boot's default: loopback, the private,
 * link-local and carrier-grade NAT ranges), so a client on a public address that talks to a replica directly cannot
 * spoof them. On Reactor Netty (a WebFlux app) it is {@code framework}, which the starter serves with its own
 * {@link TrustedProxiesForwardedHeaderTransformer}, trusting the same ranges
 * ({@code scaleout.forwarded.internal-proxies}) — Netty's native support trusts the headers from every client. So do
 * Jetty's native support and Spring's {@code ForwardedHeaderFilter}: with Jetty on the class path nothing is
 * defaulted.
 * <p>
 * Added with the lowest precedence: any value the application sets, {@code none} included, wins.
 */
class ForwardedHeadersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaleoutForwardedHeaders";

	static final String STRATEGY = "server.forward-headers-strategy";

	private static final String TOMCAT = "org.apache.catalina.startup.Tomcat";

	private static final String JETTY = "org.eclipse.jetty.server.Server";

	private static final String NETTY = "reactor.netty.http.server.HttpServer";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader classLoader = application.getClassLoader();
		String strategy = tomcatServes(classLoader) ? "native" : nettyServes(classLoader) ? "framework" : null;
		if (strategy != null) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(STRATEGY, strategy)));
		}
	}

	/**
	 * Whether the embedded server is Tomcat, the one server whose native support trusts only internal proxies. With
	 * both Tomcat and Jetty present the server is in doubt, and the unsafe choice must not be made for the user.
	 */
	static boolean tomcatServes(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(TOMCAT, classLoader) && !ClassUtils.isPresent(JETTY, classLoader);
	}

	/**
	 * Whether the embedded server is Reactor Netty, whose forwarded headers the starter's own transformer handles.
	 * Tomcat or Jetty beside it serve instead (a servlet app that uses WebClient has Netty too).
	 */
	static boolean nettyServes(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(NETTY, classLoader) && !ClassUtils.isPresent(TOMCAT, classLoader)
				&& !ClassUtils.isPresent(JETTY, classLoader);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
