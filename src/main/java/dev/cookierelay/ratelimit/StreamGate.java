package dev.cookierelay.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the event streams one caller holds open at once. Short requests are never counted, so a caller's
 * open streams cannot use up the room its short requests need. Holds one entry per caller with an open
 * stream, removed when its last stream closes.
 */
public final class StreamGate {

    private final int maxStreamsPerCaller;
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();

    /** @param maxStreamsPerCaller 0 for no cap */
    public StreamGate(int maxStreamsPerCaller) {
        this.maxStreamsPerCaller = maxStreamsPerCaller;
    }

    public boolean enabled() {
        return maxStreamsPerCaller > 0;
    }

    /** @return whether the stream may open; if so, {@link #close} must follow exactly once */
    public boolean tryOpen(String callerKey) {
        boolean[] opened = {false};
        openStreams.compute(callerKey, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxStreamsPerCaller) {
                return open;
            }
            opened[0] = true;
            return count + 1;
        });
        return opened[0];
    }

    public void close(String callerKey) {
        openStreams.computeIfPresent(callerKey, (key, open) -> open <= 1 ? null : open - 1);
    }

    public int openStreams(String callerKey) {
        return openStreams.getOrDefault(callerKey, 0);
    }

    /** The verdict for a stream refused by the cap: a concurrency quota (draft quota unit "concurrency"). */
    Verdict refused() {
        return new Verdict(false, java.util.List.of(new Verdict.Policy("streams",
                "q=" + maxStreamsPerCaller + ";qu=\"concurrency\"", 0, 1, true)));
    }
}
