package io.amira.it.outbound.probe;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code callers} container-managed threads making one call after the other for {@code warmup} then
 * {@code seconds} seconds; answers "calls=.. actions=.. seconds=.. rate=.. p50us=.. p99us=.. failed=.."
 * (latencies per call, actions = calls × {@code actionsPerCall}).
 */
final class CallerBench {

    interface Call {
        boolean run() throws Exception;
    }

    private CallerBench() {
    }

    static String run(ManagedThreadFactory threads, int callers, int warmup, int seconds, int actionsPerCall, Call call)
            throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger failed = new AtomicInteger();
        long[][] latencies = new long[callers][];
        int[] counts = new int[callers];
        CountDownLatch done = new CountDownLatch(callers);
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads.newThread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    long t0;
                    while ((t0 = System.nanoTime()) < end) {
                        boolean ok;
                        try {
                            ok = call.run();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= start) {
                            if (!ok) {
                                failed.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                    }
                } finally {
                    latencies[caller] = mine;
                    counts[caller] = n;
                    done.countDown();
                }
            }).start();
        }
        if (!done.await(warmup + seconds + 60L, TimeUnit.SECONDS)) {
            return "timeout";
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < callers; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1000;
        long p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1000;
        long actions = (long) total * actionsPerCall;
        return "calls=" + total + " actions=" + actions + " seconds=" + seconds + " rate=" + (actions / Math.max(1, seconds))
                + " p50us=" + p50 + " p99us=" + p99 + " failed=" + failed.get();
    }
}
