package dev.scaleout.gateway.balancing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scaleout.gateway.discovery.Backend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smooth weighted round robin.
 */
class SmoothWeightedChooserTests {

	private final Backend a = new Backend(URI.create("http://a:1"), 3);

	private final Backend b = new Backend(URI.create("http://b:1"), 1);

	@Test
	void interleavesBackendsInProportionToTheirWeights() {
		SmoothWeightedChooser chooser = new SmoothWeightedChooser();
		List<Backend> order = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			order.add(chooser.choose(List.of(this.a, this.b), Backend::weight));
		}
		assertThat(order).containsExactly(this.a, this.a, this.b, this.a, this.a, this.a, this.b, this.a);
	}

	@Test
	void takesEachBackendInTurnWhenWeightsAreEqual() {
		SmoothWeightedChooser chooser = new SmoothWeightedChooser();
		List<Backend> order = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			order.add(chooser.choose(List.of(this.a, this.b), (backend) -> 1));
		}
		assertThat(order).containsExactly(this.a, this.b, this.a, this.b);
	}

}
