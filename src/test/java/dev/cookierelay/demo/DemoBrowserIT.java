package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RelayDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The central promise in a real browser: chromium drives the demo page on a relay with the demo on,
 * in front of the demo backend, and the token never becomes visible to the page's JavaScript.
 */
class DemoBrowserIT extends BrowserOnDemoBackend {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RelayDeployment.war();
    }

    DemoPage page;

    @BeforeEach
    void openPage() {
        page = new DemoPage(driver).open(base.toString());
    }

    @Test
    void signInKeepsTokenOutOfDocumentCookie() {
        page.signIn();

        Cookie cookie = driver.manage().getCookieNamed("auth_token");
        assertThat(cookie.getValue()).isEqualTo(TOKEN);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(page.documentCookie()).contains("demo_note=").doesNotContain(TOKEN).doesNotContain("auth_token");
        assertThat(page.text("document-cookie")).doesNotContain(TOKEN);
        assertThat(page.text("backend-authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(page.text("backend-cookie")).startsWith("none");
    }

    @Test
    void tasksCreatedThroughRelayAreListedAndBackendSawBearerToken() {
        String title = "browser task " + UUID.randomUUID();

        page.signIn().createTask(title).listTasks();

        assertThat(page.text("task-list")).contains(title).contains("Read how cookie-relay works");
        assertThat(page.text("tasks-status")).startsWith("200:");
        assertThat(page.text("backend-authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(page.text("call-log")).contains("POST /api/proxy/tasks 201");
    }

    @Test
    void sseTicksArriveWhileTheStreamIsOpen() {
        page.signIn().receiveTicks(3);

        assertThat(page.text("tick-list").lines().filter(line -> line.startsWith("tick ")).count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void downloadedFileHasTheBackendFilesSha256() throws Exception {
        String expected = sha256(DemoFiles.report());

        page.signIn().download().saveDownload();

        assertThat(page.text("download-sha")).isEqualTo(expected);
        assertThat(page.text("download-size")).isEqualTo(String.valueOf(DemoFiles.report().length));
        assertThat(page.text("download-backend-sha")).isEqualTo(expected + " \u2713 same");
        Path saved = workDir.resolve("downloads/report.png");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(saved));
        assertThat(sha256(Files.readAllBytes(saved))).isEqualTo(expected);
    }

    @Test
    void uploadedFileIsHashedByTheBackendAsSent() throws Exception {
        byte[] content = new byte[750_000];
        new Random(42).nextBytes(content);
        Path file = Files.write(workDir.resolve("upload.bin"), content);

        page.signIn().upload(file);

        assertThat(page.text("upload-size")).isEqualTo("750000");
        assertThat(page.text("upload-sha")).isEqualTo(sha256(content) + " \u2713 same");
    }

    @Test
    void afterSignOutTheNextCallIsRefusedWith401() {
        page.signIn().signOut().listTasks();

        assertThat(driver.manage().getCookieNamed("auth_token")).isNull();
        assertThat(page.text("tasks-status")).isEqualTo("401: {\"error\":\"Not authenticated\"}");
        assertThat(page.text("backend-authorization")).contains("relay answered 401");
    }

    /** Fills every panel, checks each shows its result, and keeps the picture for the README (docs/demo.png). */
    @Test
    void everyPanelShowsItsResultAfterAFullTour() throws Exception {
        Path file = Files.writeString(workDir.resolve("notes.txt"), "uploaded through cookie-relay\n");

        page.signIn().createTask("Show a colleague the demo").receiveTicks(3).download().upload(file).listTasks();

        assertThat(page.text("task-list")).contains("Show a colleague the demo");
        assertThat(Integer.parseInt(page.text("tick-count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.text("download-backend-sha")).endsWith("\u2713 same");
        assertThat(page.text("upload-sha")).endsWith("\u2713 same");
        assertThat(page.text("cookie-verdict")).startsWith("No auth_token here");
        Path screenshot = Path.of(System.getProperty("demo.screenshot", "target/demo.png"));
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, page.fullPageScreenshot());
        assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
