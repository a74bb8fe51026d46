package dev.scaleout.test;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.AnnotatedClassFinder;

/**
 * The JUnit extension behind {@link ReplicatedSpringBootTest}: starts the replicas before the class's first test,
 * runs them all again before each test, hands {@link Replicas} to the methods that ask for them, and stops
 * everything after the class's last test.
 */
final class ReplicatedSpringBootTestExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ReplicatedSpringBootTestExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (context.getStore(NAMESPACE).get(Replicas.class, Replicas.class) != null) {
			// A @Nested class: its enclosing class's replicas serve it.
			return;
		}
		Class<?> testClass = context.getRequiredTestClass();
		ReplicatedSpringBootTest settings = AnnotationSupport.findAnnotation(testClass, ReplicatedSpringBootTest.class)
			.orElseThrow(() -> new IllegalStateException(testClass.getName() + " is not a @ReplicatedSpringBootTest"));
		Replicas replicas = Replicas.start(applications(settings, testClass), List.of(settings.webFlux()),
				settings.replicas(), List.of(settings.properties()), settings.gateway(),
				List.of(settings.gatewayProperties()));
		context.getStore(NAMESPACE).put(Replicas.class, replicas);
		if (settings.failOnReplicationFindings()) {
			ReplicaAssertions.assertThat(replicas).hasNoReplicationFindings();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		replicas(context).reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Replicas replicas = context.getStore(NAMESPACE).remove(Replicas.class, Replicas.class);
		if (replicas != null) {
			replicas.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Replicas.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return replicas(context);
	}

	private static Replicas replicas(ExtensionContext context) {
		Replicas replicas = context.getStore(NAMESPACE).get(Replicas.class, Replicas.class);
		if (replicas == null) {
			throw new IllegalStateException("The replicas of " + context.getRequiredTestClass().getName()
					+ " are not running: they start before the class's first test, not in a static initializer");
		}
		return replicas;
	}

	private static List<Class<?>> applications(ReplicatedSpringBootTest settings, Class<?> testClass) {
		List<Class<?>> classes = List.of(settings.classes());
		for (Class<?> webFlux : settings.webFlux()) {
			if (!classes.contains(webFlux)) {
				throw new IllegalStateException("@ReplicatedSpringBootTest(webFlux = " + webFlux.getName() + ") on "
						+ testClass.getName() + ": it is not among the classes the replicas run, "
						+ Arrays.toString(settings.classes()) + "; add it to classes");
			}
		}
		if (!classes.isEmpty()) {
			return classes;
		}
		Class<?> found = new AnnotatedClassFinder(SpringBootConfiguration.class).findFromClass(testClass);
		if (found == null) {
			throw new IllegalStateException("No @SpringBootConfiguration found in the package of " + testClass.getName()
					+ " or above it: name the application with @ReplicatedSpringBootTest(classes = MyApplication.class)");
		}
		return List.of(found);
	}

}
