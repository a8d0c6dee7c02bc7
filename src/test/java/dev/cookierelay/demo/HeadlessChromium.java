package dev.cookierelay.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium through Debian's chromedriver, headless, with nothing of its own reaching the network:
 * a browser the test names explicitly, so Selenium Manager never looks for (or downloads) one.
 */
public final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "install them with: apt-get update && apt-get install -y chromium chromium-driver"
            + " (or: bash .ci/install-browser.sh)";

    private HeadlessChromium() {
    }

    /** Fails (never skips) when the browser is missing: a browser test that did not run proved nothing. */
    public static void requireInstalled() {
        requireInstalled(BROWSER, DRIVER);
    }

    static void requireInstalled(Path... binaries) {
        for (Path binary : binaries) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError("The browser test needs Debian's chromium and chromium-driver, but "
                        + binary + " is missing: " + INSTALL_HINT);
            }
        }
    }

    public static ChromeDriver start(Path profileDir, Path downloadDir) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                // Switch off everything chromium does on its own: only the test's own requests leave the browser.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profileDir, "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloadDir.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    /** The whole page as a PNG: the window grows to the page's height first, so nothing below the fold is cut. */
    public static byte[] fullPageScreenshot(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long pageHeight = (Long) js.executeScript("return document.documentElement.scrollHeight");
        long chromeHeight = (Long) js.executeScript("return window.outerHeight - window.innerHeight");
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) (pageHeight + chromeHeight)));
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }
}
