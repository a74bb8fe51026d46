package dev.scaleout.gateway.routing;

import java.util.List;
import java.util.Set;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.Backend;

/**
 * The one route: every path but the gateway's own actuator endpoints goes to the replica
 * pool through the load balancer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
public final class RoutingConfiguration {

	static final String ROUTE_ID = "replicas";

	@Bean
	RouteLocator replicaRoute(RouteLocatorBuilder routes, WebEndpointProperties endpoints) {
		String actuator = endpoints.getBasePath() + "/**";
		return routes.routes()
			.route(ROUTE_ID, (route) -> route.not((path) -> path.path(actuator)).uri("lb://" + Backend.SERVICE_ID))
			.build();
	}

	/**
	 * Spring Cloud Gateway header filters whose work {@link ProxiedHeaders} does in one pass.
	 */
	private static final Set<Class<?>> SUBSUMED_HEADER_FILTERS = Set.of(RemoveHopByHopHeadersFilter.class,
			RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class,
			TransferEncodingNormalizationHeadersFilter.class, GRPCRequestHeadersFilter.class,
			GRPCResponseHeadersFilter.class);

	/**
	 * The routing filter; the stock one is off
	 * ({@code global-filter.netty-routing.enabled=false} in application.properties). Header
	 * filters other than those {@link ProxiedHeaders} subsumes see each response's headers
	 * and change them in place.
	 */
	@Bean
	ReplicaRoutingFilter replicaRoutingFilter(HttpClient httpClient,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties,
			ProxyProperties proxy) {
		if (properties.getResponseTimeout() != null) {
			throw new IllegalArgumentException("The response timeout is scaleout.gateway.response-timeout, "
					+ "not the HTTP client's spring.cloud.gateway.server.webflux.httpclient.response-timeout");
		}
		return new ReplicaRoutingFilter(httpClient, remaining(headersFilters).getObject(), proxy.responseTimeout());
	}

	@Bean
	NettyWriteResponseFilter replicaWriteResponseFilter(GatewayProperties properties,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
		return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), remaining(headersFilters));
	}

	private static ObjectProvider<List<HttpHeadersFilter>> remaining(
			ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
		return new ObjectProvider<>() {

			@Override
			public List<HttpHeadersFilter> getObject() {
				List<HttpHeadersFilter> all = headersFilters.getIfAvailable(List::of);
				return all.stream().filter((filter) -> !SUBSUMED_HEADER_FILTERS.contains(filter.getClass())).toList();
			}

			@Override
			public List<HttpHeadersFilter> getIfAvailable() {
				return getObject();
			}

		};
	}

	@Bean
	CanonicalPathFilter canonicalPathFilter() {
		return new CanonicalPathFilter();
	}

	/**
	 * Puts {@link MalformedRequestHandler} right after the HTTP/1.1 codec of every connection.
	 */
	@Bean
	NettyServerCustomizer malformedRequestAnswers() {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec) {
				pipeline.addAfter(NettyPipeline.HttpCodec, MalformedRequestHandler.NAME, new MalformedRequestHandler());
			}
		});
	}

	@Bean
	RefusedRequestHandler refusedRequestHandler() {
		return new RefusedRequestHandler();
	}

	@Bean
	UnavailableBackendFilter unavailableBackendFilter(ProxyProperties properties) {
		return new UnavailableBackendFilter(properties.unavailableRetryAfter());
	}

	@Bean
	static HttpClientTuning httpClientTuning(ObjectProvider<ProxyProperties> properties) {
		return new HttpClientTuning(properties);
	}

}
