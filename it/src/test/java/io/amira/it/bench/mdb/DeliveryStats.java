package io.amira.it.bench.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test-only: what the bench MDB saw, kept in static counters so counting costs the bean no EJB call.
 * Per call (Linkedid) it checks that {@code Seq} goes up by one; with a {@code SentMicros} header
 * (microseconds since the epoch, stamped by the driver in another JVM on the same machine) it
 * records the delivery latency in a 1 µs histogram up to 100 ms.
 */
public final class DeliveryStats {

    private static final int LATENCY_BUCKETS = 100_000;

    private static final LongAdder RECEIVED = new LongAdder();
    private static final LongAdder VIOLATIONS = new LongAdder();
    private static final LongAdder GAPS = new LongAdder();
    private static final LongAdder LOST = new LongAdder();
    private static final LongAdder NOTIFICATIONS = new LongAdder();
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final LongAccumulator LAST_NANOS = new LongAccumulator(Long::max, 0);
    private static final Map<String, AtomicInteger> LAST_SEQ = new ConcurrentHashMap<>();
    private static final AtomicLongArray LATENCY = new AtomicLongArray(LATENCY_BUCKETS);
    private static final LongAdder LATENCY_OVER = new LongAdder();
    private static volatile int seqPeriod;

    private DeliveryStats() {
    }

    static void onEvent(AmiEvent event) {
        if (event.isLifecycle()) {
            NOTIFICATIONS.increment();
            if (AmiLifecycleEvents.EVENTS_LOST.equals(event.name())) {
                LOST.add(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
            }
            return;
        }
        long now = System.nanoTime();
        FIRST_NANOS.compareAndSet(0, now);
        LAST_NANOS.accumulate(now);
        RECEIVED.increment();
        String seq = event.get("Seq");
        if (seq != null && event.linkedId() != null) {
            checkOrder(event.linkedId(), Integer.parseInt(seq));
        }
        String sent = event.get("SentMicros");
        if (sent != null) {
            recordLatency(epochMicros(Instant.now()) - Long.parseLong(sent));
        }
    }

    public static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /**
     * Seq must be the call's previous Seq + 1 (modulo the period when the flood's Seq wraps). A step
     * forward of up to half the period is a gap (events dropped by the adapter, counted separately);
     * anything else is an order violation.
     */
    private static void checkOrder(String linkedId, int seq) {
        int previous = LAST_SEQ.computeIfAbsent(linkedId, k -> new AtomicInteger(-1)).getAndSet(seq);
        if (previous < 0) {
            return;
        }
        int period = seqPeriod;
        int step = period > 0 ? Math.floorMod(seq - previous, period) : seq - previous;
        if (step == 1) {
            return;
        }
        if (step > 1 && (period == 0 || step <= period / 2)) {
            GAPS.increment();
        } else {
            VIOLATIONS.increment();
        }
    }

    private static void recordLatency(long micros) {
        if (micros >= 0 && micros < LATENCY_BUCKETS) {
            LATENCY.incrementAndGet((int) micros);
        } else {
            LATENCY_OVER.increment();
        }
    }

    /** Starts a run: every counter zero; {@code period}: the Seq period of the coming events (0: no wrap). */
    public static void reset(int period) {
        seqPeriod = period;
        RECEIVED.reset();
        VIOLATIONS.reset();
        GAPS.reset();
        LOST.reset();
        NOTIFICATIONS.reset();
        FIRST_NANOS.set(0);
        LAST_NANOS.reset();
        LAST_SEQ.clear();
        for (int i = 0; i < LATENCY_BUCKETS; i++) {
            LATENCY.set(i, 0);
        }
        LATENCY_OVER.reset();
    }

    /** One line of {@code key=value} pairs: the driver parses it. */
    public static String snapshot() {
        long received = RECEIVED.sum();
        long first = FIRST_NANOS.get();
        long last = LAST_NANOS.get();
        double seconds = (last - first) / 1e9;
        long[] histogram = new long[LATENCY_BUCKETS];
        long samples = LATENCY_OVER.sum();
        for (int i = 0; i < LATENCY_BUCKETS; i++) {
            histogram[i] = LATENCY.get(i);
            samples += histogram[i];
        }
        return "received=" + received + " lost=" + LOST.sum() + " violations=" + VIOLATIONS.sum() + " gaps=" + GAPS.sum()
                + " calls=" + LAST_SEQ.size() + " notifications=" + NOTIFICATIONS.sum()
                + " seconds=" + String.format("%.3f", seconds)
                + " eventsPerSecond=" + (seconds > 0 ? Math.round((received - 1) / seconds) : 0)
                + " latencySamples=" + samples + " latencyOver100ms=" + LATENCY_OVER.sum()
                + " p50us=" + percentile(histogram, samples, 0.50) + " p99us=" + percentile(histogram, samples, 0.99)
                + " p999us=" + percentile(histogram, samples, 0.999) + " maxus=" + max(histogram);
    }

    private static long percentile(long[] histogram, long samples, double fraction) {
        long rank = (long) Math.ceil(samples * fraction);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank && rank > 0) {
                return i;
            }
        }
        return -1;
    }

    private static long max(long[] histogram) {
        for (int i = histogram.length - 1; i >= 0; i--) {
            if (histogram[i] > 0) {
                return i;
            }
        }
        return -1;
    }
}
