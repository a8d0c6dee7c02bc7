import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SSE fan-out load: opens N concurrent streams and measures, for every event, the delay from the
 * backend's write (the wall-clock microseconds in the event's data line) to this client's read of the
 * line. Backend and client share the machine's clock. JDK HttpClient with two executor threads: the
 * streams cost sockets here, not threads.
 * Usage: java SseClient.java URL N SECONDS HEADER_MODE(cookie|bearer) TOKEN_LENGTH PID_OR_0 OUT_JSON
 * Prints one JSON object (also written to OUT_JSON); exit 1 when a stream failed or missed events.
 */
public final class SseClient {

    /** Receives one stream's lines; records latencies only inside the measurement window. */
    private static final class Stream implements Flow.Subscriber<String> {
        final long[] latencies = new long[4096];
        int count;
        volatile boolean measuring;
        volatile Flow.Subscription subscription;
        volatile boolean ended;
        final AtomicLong received = new AtomicLong();
        final CompletableFuture<Integer> status = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data: ")) {
                return;
            }
            long sent = Long.parseLong(line.substring(6).trim());
            long latency = epochMicros() - sent;
            received.incrementAndGet();
            if (measuring) {
                synchronized (this) {
                    if (count < latencies.length) {
                        latencies[count++] = latency;
                    }
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean cookie = args[3].equals("cookie");
        String token = "t".repeat(Integer.parseInt(args[4]));
        long pid = Long.parseLong(args[5]);
        Path out = Path.of(args[6]);

        ExecutorService executor = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        request = cookie ? request.header("Cookie", "auth_token=" + token) : request.header("Authorization", "Bearer " + token);
        HttpRequest streamRequest = request.build();

        List<Stream> streams = new ArrayList<>();
        Semaphore connecting = new Semaphore(64); // bounded connection ramp, as browsers arriving
        long rampStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Stream stream = new Stream();
            streams.add(stream);
            connecting.acquire();
            stream.status.whenComplete((s, e) -> connecting.release());
            // The handler runs when the headers arrive; the response future itself ends with the stream.
            client.sendAsync(streamRequest, info -> {
                stream.status.complete(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            }).whenComplete((r, e) -> {
                stream.ended = true;
                stream.status.completeExceptionally(e != null ? e : new IOException("stream ended"));
            });
        }
        int failedOpen = 0;
        long openDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Stream stream : streams) {
            try {
                long left = Math.max(1, openDeadline - System.nanoTime());
                if (stream.status.get(left, TimeUnit.NANOSECONDS) != 200) {
                    failedOpen++;
                }
            } catch (Exception e) {
                failedOpen++;
            }
        }
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;

        Thread.sleep(1500); // every stream past its first event, so each one is settled
        for (Stream stream : streams) {
            stream.measuring = true;
        }
        long windowStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        for (Stream stream : streams) {
            stream.measuring = false;
        }
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        String proc = pid > 0 ? procStatus(pid) : "\"threads\":null,\"rss_kib\":null";

        long total = 0;
        int missing = 0;
        int ended = 0;
        for (Stream stream : streams) {
            synchronized (stream) {
                total += stream.count;
                // One event per second: a stream with fewer than (window - 1) events lost some.
                if (stream.count < (int) Math.floor(windowSeconds) - 1) {
                    missing++;
                }
            }
            if (stream.ended) {
                ended++;
            }
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (Stream stream : streams) {
            synchronized (stream) {
                System.arraycopy(stream.latencies, 0, all, k, stream.count);
                k += stream.count;
            }
        }
        Arrays.sort(all);
        for (Stream stream : streams) {
            Flow.Subscription s = stream.subscription;
            if (s != null) {
                s.cancel();
            }
        }
        String json = String.format(java.util.Locale.ROOT,
                "{\"url\":\"%s\",\"streams\":%d,\"failed_open\":%d,\"ended_early\":%d,\"streams_missing_events\":%d,"
                        + "\"events\":%d,\"window_s\":%.1f,\"ramp_s\":%.2f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,%s}",
                uri, n, failedOpen, ended, missing, total, windowSeconds, rampSeconds,
                pct(all, 0.50), pct(all, 0.99), all.length == 0 ? -1.0 : all[all.length - 1] / 1000.0, proc);
        Files.writeString(out, json + "\n");
        System.out.println(json);
        executor.shutdownNow();
        boolean ok = failedOpen == 0 && ended == 0 && missing == 0 && total > 0;
        System.exit(ok ? 0 : 1);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** Thread count and resident memory of the relay while every stream is open. */
    private static String procStatus(long pid) throws IOException {
        String threads = "null";
        String rss = "null";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                threads = line.substring(8).trim();
            } else if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).replace("kB", "").trim();
            }
        }
        return "\"threads\":" + threads + ",\"rss_kib\":" + rss;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
