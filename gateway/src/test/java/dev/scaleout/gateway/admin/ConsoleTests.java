package dev.scaleout.gateway.admin;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.scaleout.gateway.Backends;
import dev.scaleout.gateway.HeadlessChromium;
import dev.scaleout.gateway.RunningGateway;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium: an operator drains a replica with its button,
 * sees its state change, and the traffic sent meanwhile reaches only the other replicas.
 */
class ConsoleTests {

	private static final String TOKEN = "console-token";

	@Test
	void drainingAReplicaWithItsButtonTakesItOutOfTheTraffic() {
		try (Backends backends = Backends.start(3);
				RunningGateway gateway = RunningGateway.start(backends.all(), "scaleout.gateway.admin.token=" + TOKEN,
						"scaleout.gateway.strategy=round-robin", "scaleout.gateway.slow-start=0s");
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver browser = chromium.driver();
			browser.get(gateway.adminUri("/").toString());
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			wait.ignoring(StaleElementReferenceException.class);
			LoopbackBackend drained = backends.get(0);
			String row = "tr[data-address='" + AdminApiTests.address(drained) + "']";
			wait.until((page) -> page.findElements(By.cssSelector("#replicas tbody tr")).size() == 3);
			wait.until((page) -> "UP".equals(page.findElement(By.cssSelector(row + " td.state")).getText()));

			browser.findElement(By.id("token")).sendKeys(TOKEN);
			browser.findElement(By.cssSelector("#token-form button")).click();
			for (int i = 0; i < 30; i++) {
				gateway.get("/before");
			}
			browser.findElement(By.cssSelector(row + " button[name='drain']")).click();
			wait.until((page) -> "DRAIN".equals(page.findElement(By.cssSelector(row + " td.state")).getText()));
			wait.until((page) -> page.findElement(By.cssSelector(row + " td.changed")).getText().contains("by 127.0.0.1"));

			int before = drained.requests();
			for (int i = 0; i < 60; i++) {
				assertThat(gateway.get("/during-drain").statusCode()).isEqualTo(200);
				pace(); // spread over seconds, so that the console's charts have points to draw
			}
			assertThat(drained.requests()).as("requests to the drained replica").isEqualTo(before);
			assertThat(backends.get(1).requests() + backends.get(2).requests()).isGreaterThanOrEqualTo(60);
			wait.until((page) -> !page.findElement(By.id("legend")).getText().isEmpty());
			chromium.screenshot(Path.of("target", "console.png"));
		}
	}

	private static void pace() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aReadOnlyConsoleSaysSoAndOffersNoButtons() {
		try (Backends backends = Backends.start(1); RunningGateway gateway = RunningGateway.start(backends.all());
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver browser = chromium.driver();
			browser.get(gateway.adminUri("/").toString());
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
			wait.until((page) -> page.findElement(By.id("read-only")).isDisplayed());
			WebElement drain = wait.until((page) -> page.findElement(By.cssSelector("button[name='drain']")));
			assertThat(drain.isEnabled()).isFalse();
		}
	}

}
