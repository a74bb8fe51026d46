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
 * on a JRE, from a CDS archive (an AOT cache on Java 25), as a non-root user; the official images are the defaults
 * of arguments.
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
	void startsFromACdsArchiveOrAnAotCacheMadeByATrainingRunAtBuildTime(String path) {
		Dockerfile.Stage run = Dockerfile.read(path).finalStage();
		String runs = run.all("RUN").stream().map(Dockerfile.Instruction::arguments).collect(Collectors.joining("\n"));
		Matcher aot = training("-XX:AOTCacheOutput=", "-XX:AOTCache=").matcher(runs);
		Matcher cds = training("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=").matcher(runs);
		assertThat(aot.find()).as(path + " has an AOT cache training run writing the option that uses it").isTrue();
		assertThat(cds.find()).as(path + " has a CDS training run writing the option that uses it").isTrue();
		assertThat(cds.group(2)).as(path + " runs the jar the AOT cache was made of").isEqualTo(aot.group(2));
		assertThat(cds.group(3)).as(path + " writes one argument file").isEqualTo(aot.group(3));
		assertThat(run.all("ENTRYPOINT")).as(path + " ENTRYPOINT").singleElement()
			.satisfies((entrypoint) -> assertThat(entrypoint.arguments()).startsWith("[")
				.contains("\"java\", \"@" + aot.group(3) + "\"")
				.contains("\"-jar\", \"" + aot.group(2) + "\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void trainsAnAotCacheOnJava25AndLaterAndACdsArchiveBefore(String path) {
		String runs = Dockerfile.read(path).finalStage().all("RUN").stream()
			.map(Dockerfile.Instruction::arguments)
			.collect(Collectors.joining("\n"));
		Matcher guard = Pattern
			.compile("if java -version 2>&1 \\| grep -Eq '([^']+)'; then\\s+java -XX:AOTCacheOutput=")
			.matcher(runs);
		assertThat(guard.find()).as(path + " chooses the AOT cache by java -version").isTrue();
		Pattern java25OrLater = Pattern.compile(guard.group(1));
		for (String version : List.of("openjdk version \"25\" 2025-09-16", "openjdk version \"25.0.1\" 2025-10-21",
				"openjdk version \"26-ea\" 2026-03-17", "openjdk version \"31.0.2\" 2028-10-17")) {
			assertThat(java25OrLater.matcher(version).find()).as(version).isTrue();
		}
		for (String version : List.of("openjdk version \"17.0.15\" 2025-04-15",
				"openjdk version \"21.0.7\" 2025-04-15", "openjdk version \"24.0.2\" 2025-07-15", "openjdk version \"1.8.0_452\"")) {
			assertThat(java25OrLater.matcher(version).find()).as(version).isFalse();
		}
	}

	/**
	 * A training run with this option, then the option that uses what it wrote, written to
	 * an argument file: groups are the file, the jar and the argument file.
	 */
	private static Pattern training(String trainingOption, String launchOption) {
		return Pattern.compile(Pattern.quote(trainingOption) + "(\\S+) -Dspring.context.exit=onRefresh -jar (\\S+)\\s+"
				+ "&& echo '" + Pattern.quote(launchOption) + "\\1' > (\\S+);");
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
