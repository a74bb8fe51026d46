package dev.scaleout.probes;

import java.util.ArrayList;
import java.util.List;

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

/**
 * Matches when no {@link SecurityFilterChain} bean is ordered at or before the probes' chain. An application chain
 * that comes first takes the probe paths over when it matches them; and if it matches every request, a chain after
 * it could never be reached, which Spring Security refuses at startup. Orders are read from {@link Order @Order} on
 * the bean's method or class, without creating the bean.
 */
class OnNoEarlierSecurityFilterChain extends SpringBootCondition implements ConfigurationCondition {

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
		for (String name : beanFactory.getBeanNamesForType(SecurityFilterChain.class, true, false)) {
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

}
