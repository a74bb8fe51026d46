package com.example.reactive;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import dev.scaleout.instance.InstanceId;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding the starter to a Spring WebFlux app leaves it a WebFlux app on Netty: the starter
 * brings no web stack of its own, so Spring Boot deduces a reactive application and the
 * app's router functions answer as before.
 */
class StarterKeepsTheAppReactiveTests {

	@Test
	void theStarterBringsNeitherSpringMvcNorTomcat() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", classLoader))
			.as("Spring MVC on the class path").isFalse();
		assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", classLoader))
			.as("Tomcat on the class path").isFalse();
		assertThat(new SpringApplication(ReactiveApplication.class).getWebApplicationType())
			.isEqualTo(WebApplicationType.REACTIVE);
	}

	@Test
	void theAppStartsOnNettyAndItsRouterFunctionsAnswer() throws Exception {
		TestRedis redis = TestRedis.shared();
		try (RunningApp app = RunningApp.start(ReactiveApplication.class, "--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port())) {
			ConfigurableApplicationContext context = app.context();
			assertThat(((WebServerApplicationContext) context).getWebServer()).isInstanceOf(NettyWebServer.class);
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(app.baseUri().resolve("/hello")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("hello");
			assertThat(response.headers().firstValue("X-Instance-Id"))
				.hasValue(context.getBean(InstanceId.class).value());
		}
	}

}
