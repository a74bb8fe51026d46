package dev.scaleout.gateway.routing;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.cloud.gateway.config.HttpClientProperties;

/**
 * Applies {@link ProxyProperties} to Spring Cloud Gateway's own
 * {@link HttpClientProperties} once they are bound, so that the gateway's HTTP client
 * and connection pool are built with them. The response timeout is not the client's:
 * {@link ReplicaRoutingFilter} applies it.
 */
final class HttpClientTuning implements BeanPostProcessor {

	private final ObjectProvider<ProxyProperties> properties;

	HttpClientTuning(ObjectProvider<ProxyProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HttpClientProperties client) {
			apply(this.properties.getObject(), client);
		}
		return bean;
	}

	private static void apply(ProxyProperties properties, HttpClientProperties client) {
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::connectTimeout).as(Duration::toMillis).as(Math::toIntExact).to(client::setConnectTimeout);
		// the routing filter applies the response timeout on the connection's event loop
		client.setResponseTimeout(null);
		HttpClientProperties.Pool pool = client.getPool();
		map.from(properties.pool()::maxIdleTime).to(pool::setMaxIdleTime);
		map.from(properties.pool()::maxLifeTime).to(pool::setMaxLifeTime);
		map.from(properties.pool()::maxConnections).to(pool::setMaxConnections);
		// evict idle connections in the background too, not only when they are next leased
		map.from(properties.pool()::maxIdleTime).as((idle) -> idle.dividedBy(2)).to(pool::setEvictionInterval);
	}

}
