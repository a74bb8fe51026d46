package dev.scaleout.errors;

import org.apache.catalina.Lifecycle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Auto-configuration of error responses: RFC 9457 problem details for API clients, while browsers keep getting the
 * application's HTML error pages.
 * <p>
 * In a servlet application: for the errors Spring MVC raises ({@link BrowserAwareProblemDetails}), for those that
 * reach the servlet container, such as Spring Security's 403 ({@link ProblemErrorController} in place of Spring
 * Boot's {@code BasicErrorController}), and for those Tomcat answers before the application sees the request
 * ({@link ProblemErrorReportValve}). It takes the place of the handler Spring Boot adds for
 * {@code spring.mvc.problemdetails.enabled=true} (and is ordered the same), and is on unless that property is
 * {@code false}. Any {@link ResponseEntityExceptionHandler} bean of the application's, such as a
 * {@code @ControllerAdvice} subclass, turns the first off; an {@link ErrorController} of the application's the
 * second.
 * <p>
 * In a WebFlux application: for every error the application does not handle itself
 * ({@link ProblemWebExceptionHandler}, ahead of Spring Boot's error handler, which still serves browsers). It is on
 * unless {@code spring.webflux.problemdetails.enabled} is {@code false}.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@EnableConfigurationProperties(WebProperties.class)
public final class ErrorResponsesAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ DispatcherServlet.class, ResponseEntityExceptionHandler.class })
	@ConditionalOnBooleanProperty(name = "spring.mvc.problemdetails.enabled", matchIfMissing = true)
	static class ServletErrorResponsesConfiguration {

		@Bean
		@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
		@Order(0)
		BrowserAwareProblemDetails browserAwareProblemDetails() {
			return new BrowserAwareProblemDetails();
		}

		@Bean
		@ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
		ProblemErrorController basicErrorController(ObjectProvider<ErrorAttributes> errorAttributes,
				WebProperties webProperties, ObjectProvider<ErrorViewResolver> errorViewResolvers) {
			// Spring Boot's error auto-configuration, which comes after this one, adds the error attributes; an
			// application that left it out gets Spring Boot's default ones.
			return new ProblemErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new),
					webProperties.getError(), errorViewResolvers.orderedStream().toList());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(TomcatServletWebServerFactory.class)
		static class TomcatErrorReportConfiguration {

			/**
			 * Puts the problem writing valve in the place of Tomcat's error report valve, once Spring Boot has added
			 * its own to the host.
			 */
			@Bean
			WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValveCustomizer() {
				return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
					if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
						ProblemErrorReportValve.replaceErrorReportValves(context.getParent());
					}
				}));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerResponse.class)
	@ConditionalOnBooleanProperty(name = "spring.webflux.problemdetails.enabled", matchIfMissing = true)
	static class ReactiveErrorResponsesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProblemWebExceptionHandler problemWebExceptionHandler(ObjectProvider<ServerCodecConfigurer> codecs) {
			// WebFlux's configuration adds the codecs, with the application's Jackson settings.
			return new ProblemWebExceptionHandler(codecs.getIfAvailable(ServerCodecConfigurer::create).getWriters());
		}

	}

}
