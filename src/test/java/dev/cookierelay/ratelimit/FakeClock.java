package dev.cookierelay.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so. */
public final class FakeClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
