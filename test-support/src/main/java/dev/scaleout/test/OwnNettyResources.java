package dev.scaleout.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Gives each in-JVM replica its own Reactor Netty event loops and connection pools. Spring Boot's default is
 * Reactor Netty's global ones, which every context in a JVM shares, so stopping one replica of a WebFlux app would
 * stop the servers of all the others. Separate processes never share them; this keeps the replicas apart as
 * processes would be. Spring Boot's own {@code ReactorResourceFactory} backs off for this one.
 */
final class OwnNettyResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String FACTORY = "org.springframework.http.client.ReactorResourceFactory";

	private static final boolean PRESENT = ClassUtils.isPresent(FACTORY, null)
			&& ClassUtils.isPresent("reactor.netty.http.HttpResources", null);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (PRESENT && context instanceof BeanDefinitionRegistry registry) {
			GenericBeanDefinition factory = new GenericBeanDefinition();
			factory.setBeanClassName(FACTORY);
			factory.getPropertyValues().add("useGlobalResources", false);
			registry.registerBeanDefinition("reactorResourceFactory", factory);
		}
	}

}
