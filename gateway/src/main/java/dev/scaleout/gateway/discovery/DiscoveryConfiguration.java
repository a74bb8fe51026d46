package dev.scaleout.gateway.discovery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Finds the replica pool: a static list by default, DNS when
 * {@code scaleout.gateway.discovery=dns}, or a watched file when
 * {@code scaleout.gateway.discovery=file}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoveryProperties.class)
public final class DiscoveryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BackendPool backendPool(DiscoveryProperties properties, ObjectProvider<HostResolver> resolver) {
		if (properties.discovery() == DiscoveryProperties.Discovery.DNS) {
			DiscoveryProperties.Dns dns = properties.dns();
			if (!StringUtils.hasText(dns.host())) {
				throw new InvalidConfigurationPropertyValueException("scaleout.gateway.dns.host", dns.host(),
						"DNS discovery needs the host name whose A records are the replicas");
			}
			return new DnsBackendPool(dns, resolver.getIfAvailable(HostResolver::system));
		}
		if (properties.discovery() == DiscoveryProperties.Discovery.FILE) {
			return new FileBackendPool(properties.file());
		}
		return new StaticBackendPool(BackendAddresses.parse(properties.backends()));
	}

}
