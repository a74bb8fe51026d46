package dev.scaleout.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds a Reactor Netty web server older than 1.3.8, which can stop reading an HTTP/1.1 connection that a client
 * keeps alive: when a request arrives while the previous one is still ending and is then answered at once, nothing
 * reads the connection again (reactor/reactor-netty#4361, fixed in 1.3.8), and the client's next request on it waits
 * until it times out. Any client that keeps its connections alive can meet it: a browser, a load generator, a
 * proxy that reuses its connections to the replicas.
 */
final class ReactorNettyKeepAliveCheck implements ReplicationCheck {

	static final String ID = "reactor-netty-keep-alive";

	static final String SERVER_FACTORY = "org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory";

	private static final String HTTP_SERVER = "reactor.netty.http.server.HttpServer";

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

	private final ListableBeanFactory beans;

	private final @Nullable ClassLoader classLoader;

	private final @Nullable String version;

	/**
	 * @param beans the application's beans, where Spring Boot's Netty web server factory shows that Reactor Netty
	 * serves the application
	 * @param classLoader the application's class loader
	 * @param version Reactor Netty's version, as its jar's {@code Bundle-Version} says, or {@code null} when unknown
	 */
	ReactorNettyKeepAliveCheck(ListableBeanFactory beans, @Nullable ClassLoader classLoader,
			@Nullable String version) {
		this.beans = beans;
		this.classLoader = classLoader;
		this.version = version;
	}

	/**
	 * A check of the Reactor Netty that the class loader has.
	 * @param beans the application's beans
	 * @param classLoader the application's class loader
	 * @return the check
	 */
	static ReactorNettyKeepAliveCheck of(ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
		return new ReactorNettyKeepAliveCheck(beans, classLoader, versionOf(HTTP_SERVER, classLoader));
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		if (this.version == null || !servesTheApplication() || !isAffected(this.version)) {
			return;
		}
		report.finding(ID, "The web server is Reactor Netty " + this.version + ", which can stop reading a kept-alive"
				+ " connection (reactor/reactor-netty#4361, fixed in 1.3.8): a client's next request on it, a browser's or"
				+ " a proxy's, then waits until it times out",
				"Use Reactor Netty 1.3.8 or later: Spring Boot 4.0.9 manages it; with an earlier Spring Boot, set the"
						+ " build property reactor-bom.version to 2025.0.8 and netty.version to 4.2.19.Final,"
						+ " the versions Spring Boot 4.0.9 manages");
	}

	private boolean servesTheApplication() {
		if (!ClassUtils.isPresent(SERVER_FACTORY, this.classLoader)) {
			return false;
		}
		Class<?> factory = ClassUtils.resolveClassName(SERVER_FACTORY, this.classLoader);
		return this.beans.getBeanNamesForType(factory, false, false).length > 0;
	}

	/**
	 * Whether a Reactor Netty version has the bug: 1.x before 1.3.8.
	 * @param version a version such as {@code 1.3.6.RELEASE}
	 * @return whether it is affected; {@code false} for a version not understood
	 */
	static boolean isAffected(String version) {
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.lookingAt()) {
			return false;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		int patch = Integer.parseInt(matcher.group(3));
		return major == 1 && (minor < 3 || (minor == 3 && patch < 8));
	}

	/**
	 * The {@code Bundle-Version} in the manifest of the jar that holds a class: Reactor Netty's jars name no
	 * {@code Implementation-Version}.
	 * @param className the class
	 * @param classLoader the class loader that has it
	 * @return the version, or {@code null} when the class or the manifest is missing, or names none
	 */
	static @Nullable String versionOf(String className, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(className, classLoader)) {
			return null;
		}
		Class<?> type = ClassUtils.resolveClassName(className, classLoader);
		String path = type.getName().replace('.', '/') + ".class";
		URL classFile = type.getResource("/" + path);
		if (classFile == null || !classFile.toString().endsWith(path)) {
			return null;
		}
		String base = classFile.toString().substring(0, classFile.toString().length() - path.length());
		try (InputStream manifest = URI.create(base + "META-INF/MANIFEST.MF").toURL().openStream()) {
			return new Manifest(manifest).getMainAttributes().getValue("Bundle-Version");
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

}
