package dev.cookierelay.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HeadlessChromiumTest {

    @Test
    void missingBrowserFailsWithHowToInstallIt() {
        Path missing = Path.of("/nonexistent/chromium");

        assertThatThrownBy(() -> HeadlessChromium.requireInstalled(missing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}
