package dev.scaleout.cache;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application leaves {@value #CACHE_TYPE} unset, so that Spring Boot would pick the cache type
 * itself. Any value, even one Spring Boot rejects, leaves the choice and its error messages to Spring Boot.
 */
class OnAutomaticCacheType extends SpringBootCondition {

	static final String CACHE_TYPE = "spring.cache.type";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Automatic cache type");
		if (Binder.get(context.getEnvironment()).bind(CACHE_TYPE, String.class).isBound()) {
			return ConditionOutcome.noMatch(message.found("property").items(CACHE_TYPE));
		}
		return ConditionOutcome.match(message.didNotFind("property").items(CACHE_TYPE));
	}

}
