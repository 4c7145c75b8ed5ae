package io.amira.it.inbound.bench.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bench-only: what the bench MDB saw — events received and reported lost, the first and last
 * arrival, per-call order violations (a call's {@code Seq} going backwards; gaps are losses), and delivery latencies from the
 * {@code SentNanos} header (System.nanoTime of the sending JVM: on Linux both JVMs read the same
 * monotonic clock).
 */
public final class BenchStats {

    private static final int MAX_SAMPLES = 1_000_000;

    private static final LongAdder RECEIVED = new LongAdder();
    private static final LongAdder LOST = new LongAdder();
    private static final LongAdder OUT_OF_ORDER = new LongAdder();
    private static final LongAdder RECONNECTS = new LongAdder();
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong LAST = new AtomicLong();
    private static final Map<String, Integer> LAST_SEQ = new ConcurrentHashMap<>();
    private static volatile long[] latencies = new long[MAX_SAMPLES];
    private static final AtomicInteger SAMPLES = new AtomicInteger();

    private BenchStats() {
    }

    public static void record(AmiEvent event) {
        long now = System.nanoTime();
        if (AmiLifecycleEvents.EVENTS_LOST.equals(event.name())) {
            LOST.add(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
            return;
        }
        if (AmiLifecycleEvents.RECONNECTED.equals(event.name())) {
            RECONNECTS.increment();
            return;
        }
        if (event.isLifecycle()) {
            return;
        }
        FIRST.compareAndSet(0, now);
        LAST.accumulateAndGet(now, Math::max);
        String sent = event.get("SentNanos");
        if (sent != null) {
            int slot = SAMPLES.getAndIncrement();
            if (slot < MAX_SAMPLES) {
                latencies[slot] = now - Long.parseLong(sent);
            }
        }
        String seqText = event.get("Seq");
        if (seqText != null) {
            int seq = Integer.parseInt(seqText);
            Integer previous = LAST_SEQ.put(event.linkedId(), seq);
            if (previous != null && seq <= previous) {
                OUT_OF_ORDER.increment();
            }
        }
        RECEIVED.increment();
    }

    public static synchronized void reset() {
        RECEIVED.reset();
        LOST.reset();
        OUT_OF_ORDER.reset();
        RECONNECTS.reset();
        FIRST.set(0);
        LAST.set(0);
        LAST_SEQ.clear();
        latencies = new long[MAX_SAMPLES];
        SAMPLES.set(0);
    }

    /** {@code received=.. lost=.. outOfOrder=.. reconnects=.. spanNanos=.. samples=.. p50Micros=.. p99Micros=..} */
    public static synchronized String summary() {
        int count = Math.min(SAMPLES.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return "received=" + RECEIVED.sum() + " lost=" + LOST.sum() + " outOfOrder=" + OUT_OF_ORDER.sum() + " reconnects=" + RECONNECTS.sum()
                + " spanNanos=" + (LAST.get() - FIRST.get()) + " samples=" + count
                + " p50Micros=" + percentile(sorted, 0.50) + " p99Micros=" + percentile(sorted, 0.99);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000;
    }
}
