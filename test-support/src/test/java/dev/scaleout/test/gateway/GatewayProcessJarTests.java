package dev.scaleout.test.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GatewayProcessJarTests {

	@TempDir
	Path directory;

	@AfterEach
	void clearProperty() {
		System.clearProperty(GatewayProcess.JAR_PROPERTY);
	}

	@Test
	void jarNamedBySystemPropertyComesFirst() throws IOException {
		Path jar = Files.createFile(this.directory.resolve("my-gateway.jar"));
		System.setProperty(GatewayProcess.JAR_PROPERTY, jar.toString());
		assertThat(GatewayProcess.jar()).isEqualTo(jar);
	}

	@Test
	void systemPropertyNamingNoFileFailsSayingSo() {
		Path missing = this.directory.resolve("missing.jar");
		System.setProperty(GatewayProcess.JAR_PROPERTY, missing.toString());
		assertThatIllegalStateException().isThrownBy(GatewayProcess::jar)
			.withMessage("-Dscaleout.test.gateway-jar=" + missing + " names no file");
	}

}
