package dev.scaleout.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static dev.scaleout.deploy.RenderedBase.manifests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object that {@code kubectl kustomize k8s/} renders passes the Kubernetes API schema of its
 * {@code apiVersion} and {@code kind}, and the check is shown to fail on manifests the API server would refuse.
 * No cluster is involved: this is what {@code kubectl apply --dry-run=server} would say about the fields.
 */
class KubernetesSchemaTests {

	@Test
	void rendersOnlyObjectsTheKubernetesApiSchemaAccepts() {
		assertThat(manifests().all()).as("rendered objects").isNotEmpty();
		List<String> violations = manifests().all().stream()
			.map(KubernetesSchema::violationOf)
			.flatMap(Optional::stream)
			.toList();
		assertThat(violations).as("schema violations").isEmpty();
	}

	@Test
	void refusesTheBaseWithAMisspelledField() {
		Manifests broken = Kustomize.render(Repository.root().resolve("deploy/src/test/resources/k8s-misspelled"));
		assertThat(KubernetesSchema.violationOf(broken.named("Deployment", RenderedBase.APP)))
			.hasValueSatisfying((violation) -> assertThat(violation).contains("readinesProbe"));
	}

	@Test
	void refusesAMissingRequiredField() {
		YamlNode service = YamlNode.root("Service without ports", Map.of("apiVersion", "v1", "kind", "Service",
				"metadata", Map.of("name", "app"), "spec", Map.of("ports", List.of(Map.of("name", "http")))));
		assertThat(KubernetesSchema.violationOf(service))
			.hasValueSatisfying((violation) -> assertThat(violation).contains("port"));
	}

	@Test
	void refusesAValueOfTheWrongType() {
		YamlNode deployment = YamlNode.root("Deployment with text replicas", Map.of("apiVersion", "apps/v1", "kind",
				"Deployment", "metadata", Map.of("name", "app"), "spec", Map.of("replicas", "three", "selector",
						Map.of(), "template", Map.of())));
		assertThat(KubernetesSchema.violationOf(deployment))
			.hasValueSatisfying((violation) -> assertThat(violation).contains("\"three\""));
	}

	@Test
	void refusesAKindItsApiVersionDoesNotServe() {
		YamlNode autoscaler = YamlNode.root("HorizontalPodAutoscaler in apps/v1", Map.of("apiVersion", "apps/v1",
				"kind", "HorizontalPodAutoscaler", "metadata", Map.of("name", "app")));
		assertThat(KubernetesSchema.violationOf(autoscaler))
			.hasValueSatisfying((violation) -> assertThat(violation).contains("no kind HorizontalPodAutoscaler"));
	}

}
