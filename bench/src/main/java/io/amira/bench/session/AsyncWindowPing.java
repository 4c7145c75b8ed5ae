package io.amira.bench.session;

import io.amira.api.AmiAction;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.amira.api.AmiResponse;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Amira's pipelining without a thread per caller: one thread keeps {@code window} Pings in flight
 * with {@code sendAsync}, or with {@code sendAllAsync} (every slot freed since its last turn goes out in one write); the
 * completions (on the reading thread) record the latency and free a slot. Shows what one session
 * carries when callers need no wake-up each.
 */
final class AsyncWindowPing {

    private static final AmiAction PING = AmiAction.of("Ping");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AsyncWindowPing() {
    }

    /**
     * Prints one row and returns the actions/s. {@code batched}: every freed slot goes out through one
     * {@code sendAllAsync}; otherwise each Ping is its own {@code sendAsync}.
     */
    static double run(String label, String host, int port, int window, boolean batched, int warmupSeconds, int seconds)
            throws Exception {
        AmiClientConfig config = AmiClientConfig.builder().host(host).port(port).username("admin").secret("amp111")
                .actionTimeout(Duration.ofSeconds(10))
                .authType(AmiClientConfig.AuthType.PLAIN).build();
        try (AmiClient client = AmiClient.connect(config, null)) {
            Semaphore slots = new Semaphore(window);
            Recorder recorder = new Recorder(3);
            LongAdder errors = new LongAdder();
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
            boolean measuring = false;
            long now;
            while ((now = System.nanoTime()) < end) {
                if (!measuring && now >= warmupEnd) {
                    recorder.reset();
                    measuring = true;
                }
                slots.acquire();
                // Every slot freed meanwhile goes out in the same socket write.
                int free = 1 + slots.drainPermits();
                long start = System.nanoTime();
                BiConsumer<AmiResponse, Throwable> completion = (response, failure) -> {
                    if (failure == null) {
                        recorder.recordValue(System.nanoTime() - start);
                    } else {
                        errors.increment();
                    }
                    slots.release();
                };
                if (batched) {
                    for (CompletableFuture<AmiResponse> answer : client.sendAllAsync(Collections.nCopies(free, PING),
                            TIMEOUT)) {
                        answer.whenComplete(completion);
                    }
                } else {
                    for (int i = 0; i < free; i++) {
                        client.sendAsync(PING, TIMEOUT).whenComplete(completion);
                    }
                }
            }
            long elapsed = System.nanoTime() - warmupEnd;
            slots.acquire(window);
            Histogram all = recorder.getIntervalHistogram();
            double perSecond = all.getTotalCount() / (elapsed / 1e9);
            System.out.println(String.format(Locale.ROOT, "| %s | %d in flight, 1 thread | %,.0f | %.3f | %.3f | %.3f | %d |",
                    label, window, perSecond, all.getValueAtPercentile(50) / 1e6,
                    all.getValueAtPercentile(99) / 1e6, all.getValueAtPercentile(99.9) / 1e6, errors.sum()));
            return perSecond;
        }
    }
}
