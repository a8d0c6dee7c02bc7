package dev.cookierelay.demo;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the real-browser ITs (execution demo-browser): the demo backend in-process on the port BACKEND_URL
 * points at, accepting the demo token, and a fresh headless chromium per test with its own profile and
 * download folder. Subclasses declare the deployment the browser visits at {@link #base}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
public abstract class BrowserOnDemoBackend {

    protected static final String TOKEN = System.getProperty("it.demo.token");
    private static DemoBackend backend;

    @ArquillianResource
    protected URL base;

    protected Path workDir;
    protected ChromeDriver driver;

    @BeforeAll
    static void startBackend() throws IOException {
        HeadlessChromium.requireInstalled();
        backend = DemoBackend.start(Integer.getInteger("it.demo.backend.port"), TOKEN);
    }

    @AfterAll
    static void stopBackend() {
        // Null when startBackend failed (no browser installed): its message is the one to report.
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("it.browser.dir", "target/browser-it")));
        workDir = Files.createTempDirectory(root, "run-");
        driver = HeadlessChromium.start(Files.createDirectory(workDir.resolve("profile")),
                Files.createDirectory(workDir.resolve("downloads")));
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }
}
