package dev.scaleout.sample;

import java.util.List;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every error an API client can meet is {@code application/problem+json}: those of Spring MVC
 * ({@link ProblemDetailsAdvice}), those that reach the servlet container ({@link ProblemErrorController}), and those
 * Tomcat answers before the application sees the request ({@link ProblemErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponsesConfiguration {

	@Bean
	ProblemErrorController errorController(ErrorAttributes errorAttributes, WebProperties webProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new ProblemErrorController(errorAttributes, webProperties.getError(),
				errorViewResolvers.orderedStream().toList());
	}

	/**
	 * Puts the problem writing valve in the place of Tomcat's error report valve, once Spring Boot has added its own
	 * to the host.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve(JsonMapper json) {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				replaceErrorReportValves(context.getParent(), json);
			}
		}));
	}

	private static void replaceErrorReportValves(Container host, JsonMapper json) {
		for (Valve valve : List.of(host.getPipeline().getValves())) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemErrorReportValve(json));
	}

}
