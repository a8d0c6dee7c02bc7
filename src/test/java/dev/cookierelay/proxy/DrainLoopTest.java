package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrainLoopTest {

    @Test
    void signalOnOneThreadDrainsOnceAtOnce() {
        AtomicInteger drains = new AtomicInteger();
        DrainLoop loop = new DrainLoop(drains::incrementAndGet);

        loop.signal();
        assertThat(drains).hasValue(1);
        loop.signal();
        assertThat(drains).hasValue(2);
    }

    @Test
    void signalFromInsideTheDrainRunsItAgainAfterwardsNotNested() {
        AtomicInteger depth = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        AtomicInteger drains = new AtomicInteger();
        DrainLoop[] loop = new DrainLoop[1];
        loop[0] = new DrainLoop(() -> {
            maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
            if (drains.incrementAndGet() < 3) {
                loop[0].signal(); // as when a callback fires synchronously inside request(n)
            }
            depth.decrementAndGet();
        });

        loop[0].signal();

        assertThat(drains).hasValue(3);
        assertThat(maxDepth).hasValue(1);
    }

    @Test
    void signalWhileAnotherThreadDrainsIsServedByThatThread() throws Exception {
        CountDownLatch inFirstDrain = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger drains = new AtomicInteger();
        List<String> drainThreads = new ArrayList<>();
        DrainLoop loop = new DrainLoop(() -> {
            synchronized (drainThreads) {
                drainThreads.add(Thread.currentThread().getName());
            }
            if (drains.incrementAndGet() == 1) {
                inFirstDrain.countDown();
                await(release);
            }
        });
        Thread first = new Thread(loop::signal, "first");
        first.start();
        assertThat(inFirstDrain.await(10, TimeUnit.SECONDS)).isTrue();

        loop.signal(); // returns at once: the first thread owes one more drain
        assertThat(drains).hasValue(1);
        release.countDown();
        first.join(10_000);

        assertThat(first.isAlive()).isFalse();
        assertThat(drainThreads).containsExactly("first", "first");
    }

    @Test
    void concurrentSignalsNeverOverlapAndEverySignalIsFollowedByADrain() throws Exception {
        int threads = 4;
        int signalsPerThread = 20_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        DrainLoop loop = new DrainLoop(() -> {
            if (running.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            consumed.set(produced.get()); // a drain sees every item signalled before it started
            running.decrementAndGet();
        });
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> signallers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < signalsPerThread; i++) {
                        produced.incrementAndGet();
                        loop.signal();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            signallers.add(thread);
            thread.start();
        }
        for (Thread thread : signallers) {
            thread.join(60_000);
            assertThat(thread.isAlive()).isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(overlaps).hasValue(0);
        // No signal is lost: the last drain ran after the last item was produced.
        assertThat(consumed.get()).isEqualTo((long) threads * signalsPerThread);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDrainStepThatThrowsDoesNotStopLaterSignals() {
        AtomicInteger drains = new AtomicInteger();
        DrainLoop loop = new DrainLoop(() -> {
            if (drains.incrementAndGet() == 1) {
                throw new IllegalStateException("container refused");
            }
        });

        loop.signal();
        loop.signal();

        assertThat(drains).hasValue(2);
    }
}
