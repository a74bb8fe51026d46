package dev.scaleout.deploy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What each Dockerfile builds is what compose and Kubernetes run: the module's jar, tagged
 * {@code scaleout/<module>}, started as the user the pods are told to run as.
 */
class ImageNamesTests {

	private static final Map<String, String> COMPOSE_SERVICE_TO_DEPLOYMENT = Map.of("app", "app", "gateway",
			"gateway");

	private final ComposeFile compose = ComposeFile.read();

	private final Manifests k8s = RenderedBase.manifests();

	@Test
	void tagsEachComposeBuildAsScaleoutSlashItsModule() {
		for (String service : COMPOSE_SERVICE_TO_DEPLOYMENT.keySet()) {
			YamlNode definition = this.compose.service(service);
			assertThat(definition.at("build.context").optionalText()).as(service + " build.context").contains(".");
			String module = moduleOf(definition);
			assertThat(repository(definition.at("image").text())).as(service + " image").isEqualTo("scaleout/" + module);
		}
		assertThat(moduleOf(this.compose.service("app"))).isEqualTo("sample-app");
		assertThat(moduleOf(this.compose.service("gateway"))).isEqualTo("gateway");
	}

	@Test
	void buildsTheJarItsModulePomProduces() {
		for (String service : COMPOSE_SERVICE_TO_DEPLOYMENT.keySet()) {
			String module = moduleOf(this.compose.service(service));
			Dockerfile dockerfile = Dockerfile.read(module + "/Dockerfile");
			String jar = module + "/target/" + jarNameOf(module);
			List<String> runs = dockerfile.buildStages().stream()
				.flatMap((stage) -> stage.all("RUN").stream())
				.map(Dockerfile.Instruction::arguments)
				.toList();
			assertThat(runs).as(dockerfile.path() + " builds module " + module)
				.anyMatch((run) -> run.contains("-pl " + module + " ") && run.contains("-am"));
			assertThat(runs).as(dockerfile.path() + " takes the built " + jar).anyMatch((run) -> run.contains(jar));
			assertThat(dockerfile.stage("jar-host").all("COPY")).as(dockerfile.path() + " takes the host's " + jar)
				.anyMatch((copy) -> copy.arguments().startsWith(jar + " "));
		}
	}

	@Test
	void runsTheImagesComposeBuildsInKubernetes() {
		COMPOSE_SERVICE_TO_DEPLOYMENT.forEach((service, deployment) -> {
			String composeImage = this.compose.service(service).at("image").text();
			YamlNode container = PodTemplates.containers(this.k8s.named("Deployment", deployment)).get(0);
			assertThat(container.at("image").text()).as(deployment + " Deployment image").isEqualTo(composeImage);
		});
	}

	@Test
	void runsPodsAsTheUserTheImageDeclares() {
		COMPOSE_SERVICE_TO_DEPLOYMENT.forEach((service, deployment) -> {
			int uid = DockerfileTests.uidOf(Dockerfile.read(moduleOf(this.compose.service(service)) + "/Dockerfile"));
			YamlNode workload = this.k8s.named("Deployment", deployment);
			for (YamlNode container : PodTemplates.containers(workload)) {
				PodTemplates.securitySetting(workload, container, "runAsUser").optionalText()
					.ifPresent((runAsUser) -> assertThat(runAsUser).as(container.origin() + " runAsUser")
						.isEqualTo(String.valueOf(uid)));
			}
		});
	}

	/** The module directory a compose service builds from, e.g. {@code sample-app} for sample-app/Dockerfile. */
	private static String moduleOf(YamlNode service) {
		String dockerfile = service.at("build.dockerfile").text();
		assertThat(dockerfile).as(service.origin() + " build.dockerfile").matches("[a-z-]+/Dockerfile");
		return dockerfile.substring(0, dockerfile.indexOf('/'));
	}

	private static String repository(String image) {
		int tag = image.lastIndexOf(':');
		return (tag > image.lastIndexOf('/')) ? image.substring(0, tag) : image;
	}

	/** {@code <artifactId>-<version>.jar}, as the module's pom (or its parent's version) says. */
	private static String jarNameOf(String module) {
		Element project = parse(module + "/pom.xml").getDocumentElement();
		String artifactId = childText(project, "artifactId");
		String version = childText(project, "version");
		if (version == null) {
			version = childText((Element) project.getElementsByTagName("parent").item(0), "version");
		}
		return artifactId + "-" + version + ".jar";
	}

	private static String childText(Element parent, String name) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && name.equals(element.getTagName())) {
				return element.getTextContent().strip();
			}
		}
		return null;
	}

	private static Document parse(String path) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repository.file(path).toFile());
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			return fail("Could not read %s: %s", path, ex.getMessage());
		}
	}

}
