package dev.scaleout.session;

import java.util.List;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.session.SessionTypeRefusals.Direction;
import dev.scaleout.session.SessionTypeRefusals.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the replication report says about sessions: how they are stored, each type this replica refused to store
 * or read since it started, and each session-scoped bean — which Spring Session stores as a session attribute, so
 * its type must survive the JSON format like any other.
 */
final class SessionReplicationCheck implements ReplicationCheck {

	static final String TYPE_REFUSED = "session-type-refused";

	static final String SESSION_SCOPED_BEAN = "session-scoped-bean";

	private final ConfigurableListableBeanFactory beanFactory;

	private final String namespace;

	private final List<String> trustedPackages;

	private final @Nullable TolerantSessionSerializer serializer;

	/**
	 * @param beanFactory the bean factory whose session-scoped beans to report
	 * @param namespace the namespace of the session keys in Redis
	 * @param trustedPackages the packages trusted besides the JDK's and Spring's types
	 * @param serializer the session format, or {@code null} when the application brings its own serializer
	 */
	SessionReplicationCheck(ConfigurableListableBeanFactory beanFactory, String namespace,
			List<String> trustedPackages, @Nullable TolerantSessionSerializer serializer) {
		this.beanFactory = beanFactory;
		this.namespace = namespace;
		this.trustedPackages = List.copyOf(trustedPackages);
		this.serializer = serializer;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		if (this.serializer == null) {
			report.setUp("Sessions in Redis, namespace " + this.namespace + ", written by the application's own "
					+ RedisSessionAutoConfiguration.SERIALIZER_BEAN_NAME);
		}
		else {
			report.setUp("Sessions in Redis as JSON, namespace " + this.namespace + ", trusted packages "
					+ (this.trustedPackages.isEmpty() ? "none" : String.join(", ", this.trustedPackages))
					+ " besides the JDK's value types and Spring's session types");
			for (Refusal refusal : this.serializer.refusals().refusals()) {
				report.finding(TYPE_REFUSED, problem(refusal), refusal.fix());
			}
		}
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
			if (WebApplicationContext.SCOPE_SESSION.equals(definition.getScope())) {
				reportSessionScopedBean(report, name, definition);
			}
		}
	}

	private static String problem(Refusal refusal) {
		return (refusal.direction() == Direction.WRITE)
				? "Session attribute '" + refusal.attribute() + "' was not stored in Redis: " + refusal.subject()
						+ "; it is lost when the next request goes to another replica"
				: "Session attribute '" + refusal.attribute() + "' was dropped when read from Redis: "
						+ refusal.subject();
	}

	private void reportSessionScopedBean(ReplicationReport.Builder report, String name, BeanDefinition definition) {
		String type = typeOf(name, definition);
		String bean = ScopedProxyUtils.isScopedTarget(name) ? ScopedProxyUtils.getOriginalBeanName(name) : name;
		String problem = "Session-scoped bean '" + bean + "'" + ((type != null) ? " (" + type + ")" : "")
				+ " is stored in the session as attribute '" + name + "', so every replica writes and reads it as "
				+ "JSON";
		String readable = "Keep it readable by Jackson (a record, or a class with a constructor Jackson can use, "
				+ "holding only such values)";
		String fix;
		if (this.serializer == null) {
			fix = "Make sure the application's " + RedisSessionAutoConfiguration.SERIALIZER_BEAN_NAME
					+ " writes it and reads it back on another replica.";
		}
		else if (type != null && !this.serializer.trusts(type)) {
			fix = readable + " and trust its package: " + this.serializer.refusals().propertyAllowing(type) + ".";
		}
		else {
			fix = readable + "; a WARN 'Not storing session attribute' names any value that is refused.";
		}
		report.finding(SESSION_SCOPED_BEAN, problem, fix);
	}

	private @Nullable String typeOf(String name, BeanDefinition definition) {
		Class<?> type = this.beanFactory.getType(name, false);
		return (type != null) ? type.getName() : definition.getBeanClassName();
	}

}
