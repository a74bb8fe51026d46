package dev.scaleout.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver, both from the machine (Debian's
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them). Nothing is
 * downloaded at run time: without them the test fails and says what to install.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	private final ChromeDriver driver;

	private HeadlessChromium(ChromeDriver driver) {
		this.driver = driver;
	}

	/**
	 * Starts the browser.
	 * @return the browser, to be closed
	 */
	public static HeadlessChromium start() {
		Path browser = find(System.getenv("CHROMIUM_BINARY"), BROWSERS);
		Path chromedriver = find(System.getenv("CHROMEDRIVER"), List.of("chromedriver"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		// root in CI has no user namespace sandbox; /dev/shm is small in containers
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1400,900", "--no-first-run", "--disable-extensions");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
		return new HeadlessChromium(driver);
	}

	/**
	 * The driver, to open pages and find elements.
	 * @return the driver
	 */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Saves a screenshot of the current page.
	 * @param target the PNG file
	 */
	public void screenshot(Path target) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			Files.write(target, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save the screenshot to " + target, ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static Path find(String configured, List<String> names) {
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Optional<Path> found = Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.flatMap((directory) -> names.stream().map((name) -> Path.of(directory, name)))
			.filter(Files::isExecutable)
			.findFirst();
		return found.orElseThrow(() -> new IllegalStateException("None of " + names + " is on the PATH: "
				+ "install Chromium and its driver (Debian: apt-get install chromium chromium-driver) "
				+ "or set CHROMIUM_BINARY and CHROMEDRIVER"));
	}

}
