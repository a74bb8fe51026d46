package dev.scaleout.report;

import dev.scaleout.instance.InstanceId;
import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.instance.InstanceProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the replication report: every {@link ReplicationCheck} bean, run when the application is
 * ready into one log block, and again for every read of the {@code replication} actuator endpoint.
 * <p>
 * Besides the checks each concern of the starter contributes, the report names the instance and inspects what no
 * concern configures and breaks under many replicas all the same: in-memory databases, per-JVM caches, the
 * in-memory STOMP broker, and a Reactor Netty web server that can stop reading kept-alive connections. Each check is
 * a bean that a bean of the same name replaces.
 */
@AutoConfiguration(after = InstanceIdentityAutoConfiguration.class)
public final class ReplicationReportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplicationChecks replicationChecks(ConfigurableListableBeanFactory beans, ObjectProvider<InstanceId> instanceId,
			Environment environment) {
		// Without the instance's auto-configuration there is still the id its environment post-processor settled.
		String instance = instanceId.getIfAvailable(
				() -> new InstanceId(environment.getProperty("scaleout.instance.id", "unknown")))
			.value();
		return new ReplicationChecks(beans, instance);
	}

	@Bean
	@ConditionalOnMissingBean
	ReplicationReportLog replicationReportLog(ReplicationChecks checks, ApplicationContext context) {
		return new ReplicationReportLog(checks, context);
	}

	/**
	 * The report's first line. It is written here rather than in the instance's own package, which the report
	 * already depends on for the id: so the dependency runs one way.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnBean({ InstanceId.class, InstanceProperties.class })
	@ConditionalOnMissingBean(name = "instanceReplicationCheck")
	ReplicationCheck instanceReplicationCheck(InstanceId instanceId, InstanceProperties properties) {
		String header = properties.headerEnabled() ? ", and in the " + properties.headerName() + " response header"
				: "";
		return (report) -> report.setUp("Instance id " + instanceId + " in every log line and /actuator/info" + header);
	}

	@Bean
	@ConditionalOnMissingBean(name = "localCacheReplicationCheck")
	LocalCacheCheck localCacheReplicationCheck(ConfigurableListableBeanFactory beans) {
		return new LocalCacheCheck(beans, beans.getBeanClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.jdbc.datasource.embedded.EmbeddedDatabase")
	static class DatabaseCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "inMemoryDatabaseReplicationCheck")
		InMemoryDatabaseCheck inMemoryDatabaseReplicationCheck(ConfigurableListableBeanFactory beans,
				Environment environment) {
			return new InMemoryDatabaseCheck(beans, environment, beans.getBeanClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler")
	static class BrokerCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "inMemoryBrokerReplicationCheck")
		InMemoryBrokerCheck inMemoryBrokerReplicationCheck(ConfigurableListableBeanFactory beans) {
			return new InMemoryBrokerCheck(beans);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactorNettyCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "reactorNettyKeepAliveReplicationCheck")
		ReactorNettyKeepAliveCheck reactorNettyKeepAliveReplicationCheck(ConfigurableListableBeanFactory beans) {
			return ReactorNettyKeepAliveCheck.of(beans, beans.getBeanClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(ReplicationEndpoint.class)
	static class ReplicationEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReplicationEndpoint replicationEndpoint(ReplicationChecks checks) {
			return new ReplicationEndpoint(checks);
		}

	}

}
