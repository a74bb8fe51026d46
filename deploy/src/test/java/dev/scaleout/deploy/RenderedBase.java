package dev.scaleout.deploy;

import java.util.List;

/**
 * The kustomize base in {@code k8s/}, rendered once per test run, and the names the checks look for in it.
 */
final class RenderedBase {

	static final String NAMESPACE = "scaleout";

	static final String APP = "app";

	static final String GATEWAY = "gateway";

	private static Manifests manifests;

	private RenderedBase() {
	}

	static synchronized Manifests manifests() {
		if (manifests == null) {
			manifests = Kustomize.render(Repository.root().resolve("k8s"));
		}
		return manifests;
	}

	static YamlNode deployment(String name) {
		return manifests().named("Deployment", name);
	}

	static List<YamlNode> appAndGateway() {
		return List.of(deployment(APP), deployment(GATEWAY));
	}

	static SpringSettings settingsOf(YamlNode container) {
		return SpringSettings.fromEnvironment(manifests().environmentOf(container));
	}

}
