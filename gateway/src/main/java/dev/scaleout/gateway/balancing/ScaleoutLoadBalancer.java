package dev.scaleout.gateway.balancing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import dev.scaleout.gateway.discovery.Backend;

/**
 * Spring Cloud LoadBalancer's extension point, implemented once: takes the available
 * backends from the decorated supplier, leaves out those this request already tried, and
 * lets the strategy's {@link BackendChooser} pick.
 */
public final class ScaleoutLoadBalancer implements ReactorServiceInstanceLoadBalancer {

	private final ServiceInstanceListSupplier available;

	private final BackendChooser chooser;

	private final BackendChooser.Weights weights;

	ScaleoutLoadBalancer(ServiceInstanceListSupplier available, BackendChooser chooser,
			BackendChooser.Weights weights) {
		this.available = available;
		this.chooser = chooser;
		this.weights = weights;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Mono<Response<ServiceInstance>> choose(Request request) {
		Set<ServiceInstance> tried = TriedBackends.of(request);
		return this.available.get(request).next().map((instances) -> choose(instances, tried));
	}

	private Response<ServiceInstance> choose(List<ServiceInstance> instances, Set<ServiceInstance> tried) {
		List<Backend> candidates = new ArrayList<>(instances.size());
		for (ServiceInstance instance : instances) {
			if (instance instanceof Backend backend && !tried.contains(backend)) {
				candidates.add(backend);
			}
		}
		if (candidates.isEmpty()) {
			return new EmptyResponse();
		}
		return new DefaultResponse(this.chooser.choose(candidates, this.weights));
	}

}
