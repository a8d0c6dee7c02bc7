package dev.cookierelay.cohost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.demo.BrowserOnDemoBackend;
import dev.cookierelay.demo.DemoFiles;
import dev.cookierelay.demo.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Faces example with the relay in its WAR, driven by chromium as its users drive it: sign in on the Faces
 * form, and the page's JavaScript lists tasks, streams ticks and downloads a file from the demo backend through
 * the relay, while the token stays in an httpOnly cookie that script cannot read. The login's token is the demo
 * backend's (EXAMPLE_API_TOKEN in the demo-browser execution).
 */
class FacesBrowserIT extends BrowserOnDemoBackend {

    @Deployment(testable = false)
    static WebArchive facesWithRelay() {
        return FacesApp.withRelayInside();
    }

    WebDriverWait wait;

    @BeforeEach
    void waitUpTo20Seconds() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void theSignedInPageShowsTasksTicksAndADownloadFetchedThroughTheRelay() throws Exception {
        signIn();

        waitFor(d -> text("tasks-status").startsWith("200:"));
        assertThat(text("tasks-url")).isEqualTo("/relay/proxy/tasks");
        assertThat(text("task-list")).contains("Read how cookie-relay works");
        waitFor(d -> driver.findElements(By.cssSelector("#tick-list li")).size() >= 3);
        assertThat(text("tick-list")).startsWith("tick ");

        driver.findElement(By.id("download")).click();
        byte[] report = DemoFiles.report();
        waitFor(d -> text("download-status").contains("sha256"));
        assertThat(text("download-status")).isEqualTo(report.length + " bytes, image/png, sha256 " + sha256(report));

        Cookie token = driver.manage().getCookieNamed("auth_token");
        assertThat(token.getValue()).isEqualTo(TOKEN);
        assertThat(token.isHttpOnly()).isTrue();
        assertThat(token.getSameSite()).isEqualTo("Strict");
        assertThat(token.getPath()).isEqualTo("/");
        assertThat(documentCookie()).doesNotContain(TOKEN).doesNotContain("auth_token");
        assertThat(text("document-cookie")).doesNotContain(TOKEN);
        assertThat(driver.getPageSource()).doesNotContain(TOKEN);

        Path screenshot = Path.of(System.getProperty("faces.screenshot", "target/faces-app.png"));
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, HeadlessChromium.fullPageScreenshot(driver));
        assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void afterSignOutTheRelayAnswers401() {
        signIn();
        waitFor(d -> text("tasks-status").startsWith("200:"));

        driver.findElement(By.id("session:signOut")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/login.xhtml"));

        assertThat(driver.manage().getCookieNamed("auth_token")).isNull();
        Object answer = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/relay/proxy/tasks', {credentials: 'include'})"
                + ".then(r => r.text().then(body => done(r.status + ': ' + body)), e => done('failed: ' + e));");
        assertThat(answer).isEqualTo("401: {\"error\":\"Not authenticated\"}");
    }

    private void signIn() {
        driver.get(base.toString().replaceAll("/+$", "") + "/login.xhtml");
        driver.findElement(By.id("login:user")).sendKeys(CoHostedFacesApp.USER);
        driver.findElement(By.id("login:password")).sendKeys(CoHostedFacesApp.PASSWORD);
        driver.findElement(By.id("login:signIn")).click();
        waitFor(d -> !d.findElements(By.id("user")).isEmpty());
        assertThat(text("user")).isEqualTo(CoHostedFacesApp.USER);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    private String documentCookie() {
        return (String) driver.executeScript("return document.cookie");
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        wait.until(condition);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
