package dev.cookierelay.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo page as a user drives it: each method clicks what a person would and waits for its result. */
final class DemoPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    DemoPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    DemoPage open(String baseUrl) {
        driver.get(baseUrl.replaceAll("/+$", "") + "/demo/");
        waitFor(d -> text("session-state").startsWith("signed out") && backendViewSettled());
        return this;
    }

    DemoPage signIn() {
        click("sign-in");
        waitFor(d -> text("session-state").startsWith("signed in") && backendViewSettled());
        return this;
    }

    DemoPage signOut() {
        click("sign-out");
        waitFor(d -> text("session-state").startsWith("signed out") && backendViewSettled());
        return this;
    }

    DemoPage createTask(String title) {
        driver.findElement(By.id("task-title")).sendKeys(title);
        click("create-task");
        waitFor(d -> text("task-list").contains(title) && backendViewSettled());
        return this;
    }

    /** Lists the tasks and waits for the answer (whatever its status) and the backend panel after it. */
    DemoPage listTasks() {
        click("list-tasks");
        waitFor(d -> !text("tasks-status").equals("\u2026") && backendViewSettled());
        return this;
    }

    private boolean backendViewSettled() {
        return !text("backend-authorization").startsWith("(asking");
    }

    DemoPage receiveTicks(int count) {
        click("ticks-start");
        waitFor(d -> Integer.parseInt(text("tick-count")) >= count);
        return this;
    }

    DemoPage download() {
        click("download-file");
        waitFor(d -> text("download-sha").matches("[0-9a-f]{64}"));
        return this;
    }

    DemoPage saveDownload() {
        click("download-save");
        return this;
    }

    DemoPage upload(Path file) {
        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        click("upload-send");
        waitFor(d -> text("upload-sha").matches("[0-9a-f]{64}.*"));
        return this;
    }

    /** A PNG of the whole page, not just the first screenful: the window grows to the page's height first. */
    byte[] fullPageScreenshot() {
        return HeadlessChromium.fullPageScreenshot(driver);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    /** What the page's own scripts get from document.cookie. */
    String documentCookie() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.cookie");
    }

    private void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        element.click();
    }

    /** Waits for the page to reach a state; on timeout the failure shows what the page did show instead. */
    private void waitFor(Function<WebDriver, Boolean> condition) {
        try {
            wait.until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("the demo page did not reach the expected state; it shows: last call="
                    + text("last-status") + " | session=" + text("session-state") + " | tasks=" + text("tasks-status")
                    + " | backend authorization=" + text("backend-authorization") + " | ticks=" + text("tick-count")
                    + " | call log:\n" + text("call-log"), e);
        }
    }
}
