package batch.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium and ChromeDriver, headless, for the console's browser tests: found where
 * the packages put them ({@code BATCH_TEST_CHROMIUM} and {@code BATCH_TEST_CHROMEDRIVER} point
 * elsewhere), never downloaded. Without them the test says so and is skipped.
 */
public final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BATCH_TEST_CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path
		.of(System.getenv().getOrDefault("BATCH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private HeadlessChromium() {
	}

	/** A new headless browser; the caller quits it. Skips the test where there is none. */
	public static ChromeDriver start() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no Chromium at " + CHROMIUM
				+ " with ChromeDriver at " + DRIVER + ": the browser tests are skipped (on Debian or Ubuntu: "
				+ "apt-get install chromium chromium-driver; elsewhere set BATCH_TEST_CHROMIUM and BATCH_TEST_CHROMEDRIVER)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1400,1000", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Saves what the browser shows as target/screenshots/{name}.png. */
	public static Path screenshot(ChromeDriver driver, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

}
