package dev.cookierelay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.ShippedSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/payara-server/settings.sh lists every key configure.sh writes, with its default. A key added to the WAR's
 * defaults and not to the script would silently keep its default on Payara Server: this compares the two.
 */
class PayaraServerSettingsTest {

    @Test
    void theScriptWritesEveryShippedKeyButTheDemosWithTheShippedDefault() throws Exception {
        Map<String, String> shipped = new TreeMap<>(ShippedSettings.defaults());
        shipped.keySet().removeIf(key -> key.startsWith("RELAY_DEMO_"));

        Map<String, String> script = scriptDefaults();

        assertThat(script.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
        assertThat(script).isEqualTo(shipped);
    }

    private static Map<String, String> scriptDefaults() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c",
                ". deploy/payara-server/settings.sh; for key in $RELAY_KEYS; do printf '%s=%s\\n' \"$key\" \"$(default_of $key)\"; done")
                .redirectErrorStream(true)
                .start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(output).isZero();
        Map<String, String> defaults = new TreeMap<>();
        output.lines().forEach(line -> defaults.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return defaults;
    }
}
