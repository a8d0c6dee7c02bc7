package dev.cookierelay.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly of the unpacked distribution, run as ops run it (standalone.sh, then jboss-cli.sh against it), on
 * 127.0.0.1 with its own base directory and port offset. The relay's environment variables are removed, so only
 * what the deploy scripts configure reaches the relay.
 */
final class WildFlyServer implements AutoCloseable {

    private static final String CONFIG = "standalone-microprofile.xml";

    private final Path home;
    private final Path baseDir;
    private final int portOffset;
    private Process server;

    WildFlyServer(Path home, Path workDir, int portOffset) {
        this.home = home;
        this.baseDir = workDir.resolve("standalone");
        this.portOffset = portOffset;
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    int managementPort() {
        return 9990 + portOffset;
    }

    /** Copies the distribution's pristine configuration into a fresh base directory and boots the server. */
    void start() throws IOException, InterruptedException {
        deleteTree(baseDir);
        Files.createDirectories(baseDir.resolve("deployments"));
        copyTree(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                "-b=127.0.0.1", "-bmanagement=127.0.0.1", "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.server.base.dir=" + baseDir)
                .redirectErrorStream(true).redirectOutput(baseDir.resolve("console.log").toFile());
        withoutRelaySettings(builder.environment());
        server = builder.start();
        awaitUp(Duration.ofMinutes(3));
    }

    /** Runs jboss-cli.sh connected to this server; returns its output, failing when the CLI exits non-zero. */
    String cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        withoutRelaySettings(builder.environment());
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(5, TimeUnit.MINUTES)) {
            cli.destroyForcibly();
            throw new AssertionError("jboss-cli.sh did not finish: " + command);
        }
        if (cli.exitValue() != 0) {
            throw new AssertionError("jboss-cli.sh " + String.join(" ", arguments) + " failed (" + cli.exitValue() + "):\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        if (server == null) {
            return;
        }
        try {
            cli("--command=:shutdown");
        } catch (AssertionError | IOException e) {
            // already gone or not answering: the process tree is ended below either way
        }
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private void awaitUp(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI live = URI.create("http://127.0.0.1:" + managementPort() + "/health/live");
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("WildFly exited, see " + baseDir.resolve("console.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly did not come up within " + limit);
    }

    private static void withoutRelaySettings(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("BACKEND_") || name.startsWith("RELAY_")
                || name.startsWith("AUTH_COOKIE_") || name.startsWith("HEALTH_"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.toString().contains("standalone_xml_history") && !path.getFileName().toString().startsWith("standalone-relay-it")) {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
