package dev.cookierelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cookierelay.testing.RawHttp;
import dev.cookierelay.testing.RecordedRequest;
import dev.cookierelay.testing.RelayClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One row of {@link AttackTableIT}: the raw request ({host} is replaced by the relay's address), what must come
 * back and what the backend must have seen, with per-server expectations where Grizzly and Undertow differ.
 */
final class Attack {

    static final String COOKIE = "Cookie: auth_token=" + RelayClient.TOKEN + "\r\n";
    /** The Failsafe execution's server (pom.xml); Payara Micro is arquillian.xml's default container. */
    /** The server under test, as the failsafe execution names it: payara-micro or wildfly. */
    static final String SERVER = System.getProperty("arquillian.launch", "payara-micro");

    final String request;
    String name;
    int status = 200;
    String error;
    String containerBody;
    String forwardedTarget;
    boolean toStubHost;
    final List<Consumer<RawHttp.Response>> responseChecks = new ArrayList<>();
    final List<Consumer<RecordedRequest>> receivedChecks = new ArrayList<>();

    Attack(String name, String request) {
        this.name = name;
        this.request = request;
    }

    Attack named(String newName) {
        name = newName;
        return this;
    }

    Attack withoutCookie() {
        return new Attack(name, request.replace(COOKIE, "")).copyFrom(this);
    }

    private Attack copyFrom(Attack other) {
        status = other.status;
        error = other.error;
        containerBody = other.containerBody;
        return this;
    }

    Attack status(int expected) {
        status = expected;
        return this;
    }

    /** A relay-made JSON error; the backend is not contacted. */
    Attack refused(int expected, String message) {
        status = expected;
        error = message;
        containerBody = null;
        return nothingForwarded();
    }

    /** Answered by the container before the relay runs, with an empty body; the backend is not contacted. */
    Attack refusedByContainer(int expected) {
        return containerAnswers(expected, "");
    }

    private Attack containerAnswers(int expected, String exactBody) {
        status = expected;
        error = null;
        containerBody = exactBody;
        return nothingForwarded();
    }

    /** On Payara Micro (Grizzly) the container answers this itself: exactly this status and body, nothing forwarded. */
    Attack onPayara(int expected, String exactBody) {
        return SERVER.equals("payara-micro") ? containerAnswers(expected, exactBody) : this;
    }

    /** On WildFly (Undertow) the container answers this itself: exactly this status and body, nothing forwarded. */
    Attack onWildFly(int expected, String exactBody) {
        return SERVER.equals("wildfly") ? containerAnswers(expected, exactBody) : this;
    }

    /** On WildFly the row expects what {@code expectation} sets instead (e.g. a safe normalised form forwarded). */
    Attack onWildFly(UnaryOperator<Attack> expectation) {
        return SERVER.equals("wildfly") ? expectation.apply(this) : this;
    }

    /** "X-A: a" + a bare CR/LF + "X-Injected: b" reaches the backend as two well-formed lines, nothing else. */
    Attack splitIntoTwoHeaders() {
        return status(200).forwarded("/base/x")
                .received(r -> assertThat(r.header("X-A")).containsExactly("a"))
                .received(r -> assertThat(r.header("X-Injected")).containsExactly("b"))
                .received(r -> assertThat(r.headers()).allSatisfy(h -> assertThat(h.getValue()).doesNotContain("\r", "\n")));
    }

    Attack nothingForwarded() {
        forwardedTarget = null;
        return this;
    }

    /** Reaches the backend with exactly this raw target; the response is the backend's own. */
    Attack forwarded(String rawTarget) {
        forwardedTarget = rawTarget;
        error = null;
        containerBody = null;
        return this;
    }

    Attack toStubHost() {
        toStubHost = true;
        return this;
    }

    Attack received(Consumer<RecordedRequest> check) {
        receivedChecks.add(check);
        return this;
    }

    Attack response(Consumer<RawHttp.Response> check) {
        responseChecks.add(check);
        return this;
    }

    RawHttp.Writer writer(String hostHeader) {
        if (request.startsWith("\u0000chunked:")) {
            return chunkedWriter(hostHeader, Integer.parseInt(request.substring("\u0000chunked:".length())));
        }
        byte[] bytes = request.replace("{host}", hostHeader).getBytes(StandardCharsets.ISO_8859_1);
        return (out, in) -> out.write(bytes);
    }

    /** A chunked POST of {@code size} bytes, written in 64 KiB chunks; stops writing once the relay answered. */
    private static RawHttp.Writer chunkedWriter(String hostHeader, int size) {
        return (out, in) -> {
            write(out, "POST /api/proxy/x HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + COOKIE
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < size && in.available() == 0; sent += chunk.length) {
                write(out, Integer.toHexString(chunk.length) + "\r\n");
                out.write(chunk);
                write(out, "\r\n");
            }
            write(out, "0\r\n\r\n");
        };
    }

    static String chunkedBody(int size) {
        return "\u0000chunked:" + size;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public String toString() {
        return name;
    }
}
