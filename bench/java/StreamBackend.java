import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark backend for what nginx cannot play: SSE streams and an upload sink. One NIO thread on
 * 127.0.0.1:PORT, so thousands of streams cost no threads here either.
 *   GET  /sse     text/event-stream, chunked; one event per second per stream, each stream at its own
 *                 random phase in the second (independent clients, not one burst). Each event carries
 *                 the wall-clock microseconds at which it was written: "data: <micros>".
 *   POST /upload  reads the whole Content-Length body, then answers {"received":N}.
 * Both answer 401 without an Authorization header, so a relay that drops the token shows up.
 * Usage: java StreamBackend.java PORT   (runs until killed)
 */
public final class StreamBackend {

    private static final long PERIOD_NANOS = 1_000_000_000L;
    private static final byte[] SSE_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** One connection's state. */
    private static final class Conn {
        final SocketChannel channel;
        ByteBuffer head = ByteBuffer.allocate(32 * 1024);
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        boolean sse;
        long uploadRemaining = -1;
        long uploadTotal;
        long nextEventNanos;
        long seq;
        boolean closed;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private final Selector selector;
    private final PriorityQueue<Conn> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextEventNanos, b.nextEventNanos));
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private int streams;

    private StreamBackend(Selector selector) {
        this.selector = selector;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 8192);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.err.println("StreamBackend listening on 127.0.0.1:" + port);
        new StreamBackend(selector).loop();
    }

    private void loop() throws IOException {
        while (true) {
            long waitMillis = 1000;
            Conn first = due.peek();
            if (first != null) {
                waitMillis = Math.max(0, (first.nextEventNanos - System.nanoTime()) / 1_000_000);
            }
            if (waitMillis == 0) {
                selector.selectNow();
            } else {
                selector.select(waitMillis);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    handle(key);
                } catch (IOException | RuntimeException e) {
                    if (key.attachment() instanceof Conn conn) {
                        close(conn);
                    }
                }
            }
            sendDueEvents();
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (key.isAcceptable()) {
            SocketChannel channel;
            while ((channel = ((ServerSocketChannel) key.channel()).accept()) != null) {
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
                channel.register(selector, SelectionKey.OP_READ, new Conn(channel));
            }
            return;
        }
        Conn conn = (Conn) key.attachment();
        if (key.isValid() && key.isWritable()) {
            flush(conn);
        }
        if (key.isValid() && key.isReadable()) {
            read(conn);
        }
    }

    private void read(Conn conn) throws IOException {
        readBuffer.clear();
        int count = conn.channel.read(readBuffer);
        if (count < 0) {
            close(conn);
            return;
        }
        readBuffer.flip();
        while (readBuffer.hasRemaining() && !conn.closed) {
            if (conn.uploadRemaining > 0) {
                int take = (int) Math.min(conn.uploadRemaining, readBuffer.remaining());
                readBuffer.position(readBuffer.position() + take);
                conn.uploadRemaining -= take;
                conn.uploadTotal += take;
                if (conn.uploadRemaining == 0) {
                    answerUpload(conn);
                }
            } else if (conn.sse) {
                readBuffer.position(readBuffer.limit()); // nothing more is expected on a stream
            } else {
                if (!conn.head.hasRemaining()) {
                    respond(conn, 431, "{\"error\":\"headers too large\"}");
                    return;
                }
                conn.head.put(readBuffer.get());
                int end = conn.head.position();
                if (end >= 4 && conn.head.get(end - 4) == '\r' && conn.head.get(end - 3) == '\n'
                        && conn.head.get(end - 2) == '\r' && conn.head.get(end - 1) == '\n') {
                    String head = new String(conn.head.array(), 0, end, StandardCharsets.ISO_8859_1);
                    conn.head.clear();
                    request(conn, head);
                }
            }
        }
    }

    private void request(Conn conn, String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String method = requestLine[0];
        String path = requestLine.length > 1 ? requestLine[1] : "/";
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        boolean authorized = false;
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "authorization" -> authorized = value.startsWith("Bearer ") && value.length() > 7;
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> { }
            }
        }
        if (!authorized) {
            respond(conn, 401, "{\"error\":\"no bearer token\"}");
        } else if (method.equals("GET") && path.equals("/sse")) {
            startStream(conn);
        } else if (method.equals("POST") && path.equals("/upload")) {
            if (chunked || contentLength < 0) {
                respond(conn, 411, "{\"error\":\"Content-Length required\"}");
            } else {
                conn.uploadRemaining = contentLength;
                conn.uploadTotal = 0;
                if (contentLength == 0) {
                    answerUpload(conn);
                }
            }
        } else {
            respond(conn, 404, "{\"error\":\"not found\"}");
        }
    }

    private void startStream(Conn conn) throws IOException {
        conn.sse = true;
        conn.nextEventNanos = System.nanoTime() + ThreadLocalRandom.current().nextLong(PERIOD_NANOS);
        streams++;
        queue(conn, ByteBuffer.wrap(SSE_HEAD));
        // A comment line, so the client sees the stream open before the first event is due.
        queue(conn, chunk(": open\n\n"));
        due.add(conn);
    }

    private void sendDueEvents() throws IOException {
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peek().nextEventNanos <= now) {
            Conn conn = due.poll();
            if (conn.closed) {
                continue;
            }
            long micros = epochMicros();
            try {
                queue(conn, chunk("id: " + (++conn.seq) + "\ndata: " + micros + "\n\n"));
            } catch (IOException e) {
                close(conn);
                continue;
            }
            conn.nextEventNanos += PERIOD_NANOS;
            due.add(conn);
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static ByteBuffer chunk(String data) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        String frame = Integer.toHexString(payload.length) + "\r\n" + data + "\r\n";
        return ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
    }

    private void answerUpload(Conn conn) throws IOException {
        conn.uploadRemaining = -1;
        respond(conn, 200, "{\"received\":" + conn.uploadTotal + "}");
    }

    private void respond(Conn conn, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        queue(conn, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        queue(conn, ByteBuffer.wrap(body));
    }

    private void queue(Conn conn, ByteBuffer buffer) throws IOException {
        conn.out.add(buffer);
        flush(conn);
    }

    /** Writes what the socket takes now; the rest waits for OP_WRITE (a slow relay backs up here, not in memory). */
    private void flush(Conn conn) throws IOException {
        while (!conn.out.isEmpty()) {
            ByteBuffer next = conn.out.peek();
            conn.channel.write(next);
            if (next.hasRemaining()) {
                conn.channel.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            conn.out.poll();
        }
        SelectionKey key = conn.channel.keyFor(selector);
        if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void close(Conn conn) {
        if (conn.closed) {
            return;
        }
        conn.closed = true;
        if (conn.sse) {
            streams--;
        }
        try {
            conn.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
