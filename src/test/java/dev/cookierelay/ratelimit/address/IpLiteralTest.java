package dev.cookierelay.ratelimit.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.1|192.0.2.1",
            " 192.0.2.1 |192.0.2.1",
            "192.0.2.1:8080|192.0.2.1",
            "2001:db8::1|2001:db8:0:0:0:0:0:1",
            "[2001:db8::1]:443|2001:db8:0:0:0:0:0:1",
            "::1|0:0:0:0:0:0:0:1",
            "::|0:0:0:0:0:0:0:0",
            "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
            "::ffff:192.0.2.1|192.0.2.1",
            "64:ff9b::192.0.2.1|64:ff9b:0:0:0:0:c000:201",
    })
    void parsesLiterals(String text, String canonical) {
        assertThat(IpLiteral.parse(text)).map(AddressPrefix::format).hasValue(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unknown", "localhost", "example.com", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
            "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "fe80::1%eth0", "[::1", "1.2.3.4:80:90",
            "::ffff:1.2.3", "_gateway", "١.٢.٣.٤"})
    void refusesAnythingElseWithoutALookup(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
