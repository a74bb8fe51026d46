package dev.scaleout.deploy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images' Dockerfiles: the jar from the host or built with the Maven wrapper on a JDK, run from Boot's layers
 * on a JRE, from a CDS archive, as a non-root user; the official images are the defaults of arguments.
 */
class DockerfileTests {

	static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(:\\d+)?");

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void buildsWithTheMavenWrapperOnAJdkAndRunsOnAJre(String path) {
		Dockerfile dockerfile = Dockerfile.read(path);
		Dockerfile.Stage build = dockerfile.stage("jar-maven");
		assertThat(build.baseImage()).as(path + " build image").contains("jdk");
		assertThat(build.all("RUN")).as(path + " builds with the wrapper")
			.anyMatch((run) -> run.arguments().contains("./mvnw") && run.arguments().contains("package"));
		assertThat(dockerfile.finalStage().baseImage()).as(path + " run image").contains("jre");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void keepsTheOfficialImagesAsDefaultsThatABuildCanReplace(String path) {
		Dockerfile dockerfile = Dockerfile.read(path);
		assertThat(dockerfile.argumentDefaults()).as(path + " ARG defaults")
			.containsEntry("JDK_IMAGE", "eclipse-temurin:17-jdk")
			.containsEntry("JRE_IMAGE", "eclipse-temurin:17-jre");
		assertThat(Repository.read(path)).as(path + " names the images only as argument defaults")
			.contains("FROM ${JDK_IMAGE} AS jar-maven", "FROM ${JRE_IMAGE}")
			.doesNotContainPattern("(?m)^FROM eclipse-temurin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app", "gateway" })
	void buildsEitherFromTheHostsJarOrWithMaven(String module) {
		String path = module + "/Dockerfile";
		Dockerfile dockerfile = Dockerfile.read(path);
		assertThat(dockerfile.argumentDefaults()).as(path + " JAR_FROM").containsEntry("JAR_FROM", "maven");
		assertThat(Repository.read(path)).as(path + " picks the jar stage").contains("FROM jar-${JAR_FROM} AS jar");
		String hostJar = dockerfile.stage("jar-host").all("COPY").get(0).arguments().split("\\s+")[0];
		assertThat(hostJar).as(path + " takes the module's jar").startsWith(module + "/target/").endsWith(".jar");
		List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();
		assertThat(ignored).as(".dockerignore lets " + hostJar + " into the context").contains("!" + hostJar);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void runsFromBootsLayersCopiedOneByOne(String path) {
		Dockerfile dockerfile = Dockerfile.read(path);
		assertThat(dockerfile.buildStages().stream().flatMap((stage) -> stage.all("RUN").stream()))
			.as(path + " extracts the layers")
			.anyMatch((run) -> run.arguments().contains("-Djarmode=tools")
					&& run.arguments().contains("extract --layers --destination"));
		List<String> copies = dockerfile.finalStage().all("COPY").stream()
			.map(Dockerfile.Instruction::arguments)
			.filter((arguments) -> arguments.startsWith("--from="))
			.toList();
		for (String layer : LAYERS) {
			assertThat(copies).as(path + " copies the " + layer + " layer")
				.anyMatch((copy) -> copy.contains("/" + layer + "/"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void startsFromACdsArchiveMadeByATrainingRunAtBuildTime(String path) {
		Dockerfile.Stage run = Dockerfile.read(path).finalStage();
		Matcher training = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+) -Dspring.context.exit=onRefresh -jar (\\S+)")
			.matcher(run.all("RUN").stream().map(Dockerfile.Instruction::arguments).collect(Collectors.joining("\n")));
		assertThat(training.find()).as(path + " has a CDS training run").isTrue();
		assertThat(run.all("ENTRYPOINT")).as(path + " ENTRYPOINT").singleElement()
			.satisfies((entrypoint) -> assertThat(entrypoint.arguments()).startsWith("[")
				.contains("\"-XX:SharedArchiveFile=" + training.group(1) + "\"")
				.contains("\"-jar\", \"" + training.group(2) + "\""));
	}

	@Test
	void leavesTheDnsCacheLifetimeToTheGatewayItself() {
		// GatewayApplication sets networkaddress.cache.ttl unless an operator did: a second setting here would
		// either never apply (sun.net.inetaddr.ttl loses to it) or silently override it.
		for (String path : List.of("sample-app/Dockerfile", "gateway/Dockerfile", ComposeFile.PATH, "k8s/app.env",
				"k8s/gateway.env")) {
			assertThat(Repository.read(path)).as(path).doesNotContain("inetaddr.ttl", "networkaddress.cache.ttl");
		}
		assertThat(Repository.read("gateway/src/main/java/dev/scaleout/gateway/GatewayApplication.java"))
			.contains("networkaddress.cache.ttl");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void runsAsANumericNonRootUser(String path) {
		assertThat(uidOf(Dockerfile.read(path))).as(path + " USER").isNotZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void sizesTheHeapFromTheContainerMemoryLimit(String path) {
		Dockerfile.Stage run = Dockerfile.read(path).finalStage();
		assertThat(run.instructions()).as(path + " JVM flags")
			.anyMatch((instruction) -> (instruction.is("ENV") || instruction.is("ENTRYPOINT"))
					&& instruction.arguments().contains("-XX:MaxRAMPercentage="));
	}

	@Test
	void keepsBuildOutputAndGitHistoryOutOfTheBuildContext() {
		List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();
		assertThat(ignored).containsAnyOf("**/target/", "**/target", "target/", "**/target/**");
		assertThat(ignored).containsAnyOf(".git/", ".git");
		assertThat(ignored).doesNotContain("mvnw", ".mvn", ".mvn/", "pom.xml", "**/pom.xml", "**/src", "**/src/");
	}

	@Test
	void keepsEveryReactorModuleInTheBuildContext() {
		List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
		int modules = 0;
		while (module.find()) {
			modules++;
			String name = module.group(1).strip();
			assertThat(ignored).as(".dockerignore keeps module " + name + ", whose pom Maven reads")
				.doesNotContain(name, name + "/", name + "/**", name + "/pom.xml");
		}
		assertThat(modules).as("modules in the root pom").isPositive();
	}

	/**
	 * The uid of the final stage's last {@code USER}. It has to be numeric: Kubernetes checks
	 * {@code runAsNonRoot} against the image's user without looking names up.
	 */
	static int uidOf(Dockerfile dockerfile) {
		List<Dockerfile.Instruction> users = dockerfile.finalStage().all("USER");
		assertThat(users).as(dockerfile.path() + " final stage sets USER").isNotEmpty();
		String user = users.get(users.size() - 1).arguments();
		Matcher numeric = NUMERIC_USER.matcher(user);
		assertThat(numeric.matches()).as(dockerfile.path() + " USER " + user + " is a numeric uid[:gid]").isTrue();
		return Integer.parseInt(numeric.group(1));
	}

}
