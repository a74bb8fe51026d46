package dev.scaleout.deploy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images' Dockerfiles: built with the Maven wrapper on a JDK, run from Boot's layers on a JRE, as a
 * non-root user.
 */
class DockerfileTests {

	static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(:\\d+)?");

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void buildsWithTheMavenWrapperOnAJdkAndRunsOnAJre(String path) {
		Dockerfile dockerfile = Dockerfile.read(path);
		assertThat(dockerfile.stages()).as(path + " stages").hasSizeGreaterThanOrEqualTo(2);
		Dockerfile.Stage build = dockerfile.buildStages().get(0);
		assertThat(build.name()).as(path + " names its build stage").isNotEmpty();
		assertThat(build.baseImage()).as(path + " build image").contains("jdk");
		assertThat(build.all("RUN")).as(path + " builds with the wrapper")
			.anyMatch((run) -> run.arguments().contains("./mvnw") && run.arguments().contains("package"));
		assertThat(dockerfile.finalStage().baseImage()).as(path + " run image").contains("jre");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sample-app/Dockerfile", "gateway/Dockerfile" })
	void runsFromBootsLayersCopiedOneByOne(String path) {
		Dockerfile dockerfile = Dockerfile.read(path);
		assertThat(dockerfile.buildStages().stream().flatMap((stage) -> stage.all("RUN").stream()))
			.as(path + " extracts the layers")
			.anyMatch((run) -> run.arguments().contains("-Djarmode=tools")
					&& run.arguments().contains("extract --layers --launcher"));
		List<String> copies = dockerfile.finalStage().all("COPY").stream()
			.map(Dockerfile.Instruction::arguments)
			.filter((arguments) -> arguments.startsWith("--from="))
			.toList();
		for (String layer : LAYERS) {
			assertThat(copies).as(path + " copies the " + layer + " layer")
				.anyMatch((copy) -> copy.contains("/" + layer + "/"));
		}
		assertThat(dockerfile.finalStage().all("ENTRYPOINT")).as(path + " ENTRYPOINT").singleElement()
			.satisfies((entrypoint) -> assertThat(entrypoint.arguments()).startsWith("[")
				.contains("org.springframework.boot.loader.launch.JarLauncher"));
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
