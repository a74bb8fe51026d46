package dev.scaleout.errors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebMvcAutoConfiguration.class, ErrorResponsesAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class,
				ErrorResponsesAutoConfiguration.class));

	@Test
	void isTheOnlyProblemDetailsHandler() {
		this.runner.run((context) -> assertThat(context).getBean(ResponseEntityExceptionHandler.class)
			.isInstanceOf(BrowserAwareProblemDetails.class));
	}

	@Test
	void takesThePlaceOfSpringBootsHandlerWhenProblemDetailsAreSwitchedOnExplicitly() {
		this.runner.withPropertyValues("spring.mvc.problemdetails.enabled=true")
			.run((context) -> assertThat(context).getBean(ResponseEntityExceptionHandler.class)
				.isInstanceOf(BrowserAwareProblemDetails.class));
	}

	@Test
	void backsOffWhenProblemDetailsAreSwitchedOff() {
		this.runner.withPropertyValues("spring.mvc.problemdetails.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class));
	}

	@Test
	void backsOffForTheApplicationsOwnHandler() {
		this.runner.withUserConfiguration(OwnHandlerConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(BrowserAwareProblemDetails.class);
			assertThat(context).getBean(ResponseEntityExceptionHandler.class).isInstanceOf(OwnHandler.class);
		});
	}

	@Test
	void answersContainerErrorsInPlaceOfSpringBootsErrorController() {
		this.runner.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, ErrorMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).getBean(ErrorController.class)
				.isExactlyInstanceOf(ProblemErrorController.class));
	}

	@Test
	void backsOffForTheApplicationsOwnErrorController() {
		this.runner.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, ErrorMvcAutoConfiguration.class))
			.withBean(ErrorController.class, () -> new ErrorController() {
			})
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemErrorController.class)
				.hasSingleBean(ErrorController.class));
	}

	@Test
	void reactiveApplicationsGetProblemDetailsAheadOfSpringBootsErrorHandler() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasSingleBean(ProblemWebExceptionHandler.class)
				.hasSingleBean(ErrorWebExceptionHandler.class)
				.doesNotHaveBean(BrowserAwareProblemDetails.class)
				.doesNotHaveBean(ProblemErrorController.class);
			assertThat(context.getBeanProvider(WebExceptionHandler.class).orderedStream().findFirst())
				.hasValue(context.getBean(ProblemWebExceptionHandler.class));
		});
	}

	@Test
	void reactiveApplicationsKeepSpringBootsErrorHandlingWhenProblemDetailsAreSwitchedOff() {
		this.reactiveRunner.withPropertyValues("spring.webflux.problemdetails.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemWebExceptionHandler.class)
				.hasSingleBean(ErrorWebExceptionHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlerConfiguration {

		@Bean
		OwnHandler ownHandler() {
			return new OwnHandler();
		}

	}

	@ControllerAdvice
	static class OwnHandler extends ResponseEntityExceptionHandler {

	}

}
