package dev.cookierelay.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code GET /tasks} lists, {@code POST /tasks {"title":"..."}} adds: a JSON API kept in memory. */
final class DemoTasks {

    private static final int MAX_TASKS = 200;
    private static final int MAX_BODY_BYTES = 4096;
    private static final Pattern TITLE = Pattern.compile(
            "\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}){1,200})\"");

    private record Task(int id, String title) {
        String json() {
            return "{\"id\":" + id + ",\"title\":" + DemoJson.string(title) + "}";
        }
    }

    private final List<Task> tasks = new ArrayList<>(List.of(
            new Task(1, "Read how cookie-relay works"), new Task(2, "Sign in and call the backend")));

    void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                DemoBackend.drain(exchange.getRequestBody());
                DemoJson.send(exchange, 200, list());
            }
            case "POST" -> create(exchange);
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                DemoJson.send(exchange, 405, "{\"error\":\"GET or POST only\"}");
            }
        }
    }

    private synchronized String list() {
        return tasks.stream().map(Task::json).collect(Collectors.joining(",", "[", "]"));
    }

    private void create(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            DemoBackend.drain(in);
        }
        Matcher title = TITLE.matcher(body);
        if (!title.find()) {
            DemoJson.send(exchange, 400, "{\"error\":\"send {\\\"title\\\":\\\"...\\\"} with 1 to 200 characters\"}");
            return;
        }
        Task task;
        synchronized (this) {
            if (tasks.size() >= MAX_TASKS) {
                DemoJson.send(exchange, 409, "{\"error\":\"the demo keeps at most " + MAX_TASKS + " tasks\"}");
                return;
            }
            task = new Task(tasks.get(tasks.size() - 1).id() + 1, unescape(title.group(1)));
            tasks.add(task);
        }
        // An absolute path on the backend: the relay rewrites it to /api/proxy/tasks/<id> on the way out.
        exchange.getResponseHeaders().set("Location", "/tasks/" + task.id());
        DemoJson.send(exchange, 201, task.json());
    }

    /** Undoes the JSON escapes a browser's JSON.stringify produces for a title. */
    private static String unescape(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                text.append(c);
                continue;
            }
            char escape = raw.charAt(++i);
            switch (escape) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (i + 4 < raw.length()) {
                        text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> text.append(escape);
            }
        }
        return text.toString();
    }
}
