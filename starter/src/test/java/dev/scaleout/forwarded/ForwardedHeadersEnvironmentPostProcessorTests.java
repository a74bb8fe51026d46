package dev.scaleout.forwarded;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersEnvironmentPostProcessorTests {

	private final ForwardedHeadersEnvironmentPostProcessor postProcessor = new ForwardedHeadersEnvironmentPostProcessor();

	@Test
	void onTomcatForwardedHeadersAreNative() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
	}

	@Test
	void theApplicationsChoiceWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "none");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("none");
	}

	@Test
	void withoutTomcatOrNettyNothingIsDefaulted() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		application
			.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(Tomcat.class, HttpServer.class)));
		this.postProcessor.postProcessEnvironment(environment, application);
		assertThat(environment.containsProperty("server.forward-headers-strategy")).isFalse();
	}

	@Test
	void onReactorNettyForwardedHeadersAreTheStartersTrustingTransformer() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(Tomcat.class)));
		this.postProcessor.postProcessEnvironment(environment, application);
		assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("framework");
	}

	@Test
	void withJettyBesideTomcatNothingIsDefaultedBecauseJettysNativeSupportTrustsEveryClient() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new WithJettyServer(getClass().getClassLoader())));
		this.postProcessor.postProcessEnvironment(environment, application);
		assertThat(environment.containsProperty("server.forward-headers-strategy")).isFalse();
	}

	/**
	 * A class loader that also holds Jetty's {@code Server} class (an empty one), as an application with Jetty on
	 * its class path would.
	 */
	private static final class WithJettyServer extends ClassLoader {

		private static final String JETTY_SERVER = "org.eclipse.jetty.server.Server";

		WithJettyServer(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			if (!JETTY_SERVER.equals(name)) {
				throw new ClassNotFoundException(name);
			}
			ClassWriter writer = new ClassWriter(0);
			writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, JETTY_SERVER.replace('.', '/'), null, "java/lang/Object",
					null);
			writer.visitEnd();
			byte[] bytes = writer.toByteArray();
			return defineClass(name, bytes, 0, bytes.length);
		}

	}

}
