package dev.scaleout.errors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Auto-configuration of error responses: RFC 9457 problem details for API clients, while browsers keep getting the
 * application's HTML error pages (see {@link BrowserAwareProblemDetails}).
 * <p>
 * It takes the place of the handler Spring Boot adds for {@code spring.mvc.problemdetails.enabled=true} (and is
 * ordered the same), and is on unless that property is {@code false}. Any {@link ResponseEntityExceptionHandler}
 * bean of the application's, such as a {@code @ControllerAdvice} subclass, turns it off.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ResponseEntityExceptionHandler.class })
@ConditionalOnBooleanProperty(name = "spring.mvc.problemdetails.enabled", matchIfMissing = true)
public final class ErrorResponsesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	@Order(0)
	BrowserAwareProblemDetails browserAwareProblemDetails() {
		return new BrowserAwareProblemDetails();
	}

}
