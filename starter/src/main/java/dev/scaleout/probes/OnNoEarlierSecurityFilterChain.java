package dev.scaleout.probes;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Matches when no {@link SecurityFilterChain} bean, nor a WebFlux {@code SecurityWebFilterChain}, is ordered at or
 * before the probes' chain. An application chain that comes first takes the probe paths over when it matches them;
 * and if it matches every request, a chain after it could never be reached, which Spring Security refuses at startup
 * for Spring MVC. Orders are read from {@link Order @Order} on the bean's method or class, without creating the bean.
 */
class OnNoEarlierSecurityFilterChain extends SpringBootCondition implements ConfigurationCondition {

	/**
	 * Spring MVC's chains and WebFlux's, by name: either web stack may be missing.
	 */
	private static final List<String> CHAIN_TYPES = List.of("org.springframework.security.web.SecurityFilterChain",
			"org.springframework.security.web.server.SecurityWebFilterChain");

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.state(beanFactory != null, "A bean factory is required");
		ConditionMessage.Builder message = ConditionMessage.forCondition("No security filter chain before the probes'");
		List<String> earlier = new ArrayList<>();
		for (String name : chainNames(beanFactory, context.getClassLoader())) {
			Order order = beanFactory.findAnnotationOnBean(name, Order.class, false);
			int value = (order != null) ? order.value() : Ordered.LOWEST_PRECEDENCE;
			if (!ProbesAutoConfiguration.CHAIN_NAME.equals(name) && value <= ProbesAutoConfiguration.CHAIN_ORDER) {
				earlier.add(name);
			}
		}
		if (!earlier.isEmpty()) {
			return ConditionOutcome.noMatch(message.found("earlier security filter chain").items(earlier));
		}
		return ConditionOutcome.match(message.didNotFind("earlier security filter chain").atAll());
	}

	private static List<String> chainNames(ConfigurableListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		List<String> names = new ArrayList<>();
		for (String type : CHAIN_TYPES) {
			if (ClassUtils.isPresent(type, classLoader)) {
				names.addAll(List.of(
						beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(type, classLoader), true, false)));
			}
		}
		return names;
	}

}
