package dev.cookierelay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamGateTest {

    @Test
    void refusesTheStreamPastTheCapAndAdmitsOneAgainWhenOneCloses() {
        StreamGate gate = new StreamGate(2);

        assertThat(gate.tryOpen("alice")).isTrue();
        assertThat(gate.tryOpen("alice")).isTrue();
        assertThat(gate.tryOpen("alice")).isFalse();
        gate.close("alice");

        assertThat(gate.tryOpen("alice")).isTrue();
    }

    @Test
    void otherCallersHaveTheirOwnCap() {
        StreamGate gate = new StreamGate(1);
        gate.tryOpen("alice");

        assertThat(gate.tryOpen("bob")).isTrue();
    }

    @Test
    void forgetsACallerWhoseLastStreamClosed() {
        StreamGate gate = new StreamGate(3);
        gate.tryOpen("alice");
        gate.tryOpen("alice");
        gate.close("alice");
        gate.close("alice");

        assertThat(gate.openStreams("alice")).isZero();
        gate.close("alice");
        assertThat(gate.openStreams("alice")).isZero();
    }

    @Test
    void refusalIsAConcurrencyPolicyWithRetryAfterOneSecond() {
        Verdict refused = new StreamGate(4).refused();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.rateLimitPolicyField()).isEqualTo("\"streams\";q=4;qu=\"concurrency\"");
        assertThat(refused.rateLimitField()).isEqualTo("\"streams\";r=0;t=1");
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }
}
