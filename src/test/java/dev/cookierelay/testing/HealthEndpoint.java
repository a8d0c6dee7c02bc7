package dev.cookierelay.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server's MicroProfile Health endpoint. Payara Micro serves it on the HTTP port beside the WAR
 * ({@code /health}); WildFly on its management interface, whose address the build passes as {@code it.health.base}.
 */
public final class HealthEndpoint {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HealthEndpoint(URL relayBase) {
        String configured = System.getProperty("it.health.base", "");
        String origin = configured.isEmpty()
                ? relayBase.getProtocol() + "://" + relayBase.getHost() + ":" + relayBase.getPort()
                : configured;
        this.base = URI.create(origin.replaceAll("/+$", "") + "/health");
    }

    /** One health answer: HTTP status and the parsed body. */
    public record Answer(int status, String rawBody, JsonObject body) {

        public String overallStatus() {
            return body.getString("status");
        }

        /** The check of that name, if the server listed it. */
        public Optional<JsonObject> check(String name) {
            return body.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> check.getString("name").equals(name)).findFirst();
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return new Answer(response.statusCode(), response.body(), reader.readObject());
        }
    }

    /** Polls {@code path} until an answer satisfies {@code condition} or {@code limit} passes; returns the last answer. */
    public Answer await(String path, Predicate<Answer> condition, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Answer answer = get(path);
        while (!condition.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = get(path);
        }
        return answer;
    }
}
