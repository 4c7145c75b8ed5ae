package io.amira.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** A running flood: events go out from each target session's writer until the count is reached or stop(). */
public final class Flood {
    private static final int SLICE_BYTES = 64 * 1024;
    private final FloodSpec spec;
    private final byte[] chunk;
    private final int eventLength;
    private final int eventsPerCycle;
    private final int eventsPerSlice;
    private final int seqPeriod;
    private final LongAdder sent = new LongAdder();
    private CountDownLatch remainingTargets = new CountDownLatch(0);
    private volatile boolean stopped;

    /** One identical event repeated: {@code event} encoded. */
    Flood(FloodSpec spec, byte[] event) {
        this.spec = spec;
        this.eventLength = event.length;
        this.eventsPerCycle = Math.max(1, SLICE_BYTES / event.length);
        this.eventsPerSlice = eventsPerCycle;
        this.seqPeriod = 0;
        this.chunk = new byte[eventsPerCycle * event.length];
        for (int i = 0; i < eventsPerCycle; i++) {
            System.arraycopy(event, 0, chunk, i * event.length, event.length);
        }
    }

    /**
     * Events spread over {@code calls} calls: {@code encoder} encodes (call, seq) to bytes of one
     * fixed length. The cycle holds whole rounds (one event of every call), so sending it again and
     * again keeps every call's Seq counting up, modulo the rounds.
     */
    Flood(FloodSpec spec, int calls, java.util.function.BiFunction<Integer, Integer, byte[]> encoder) {
        this.spec = spec;
        this.eventLength = encoder.apply(0, 0).length;
        int rounds = spec.seqPeriod();
        this.seqPeriod = rounds;
        this.eventsPerCycle = rounds * calls;
        this.eventsPerSlice = Math.max(1, SLICE_BYTES / eventLength);
        this.chunk = new byte[eventsPerCycle * eventLength];
        int at = 0;
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < calls; c++) {
                byte[] event = encoder.apply(c, r);
                if (event.length != eventLength) {
                    throw new IllegalStateException("flood events differ in length: " + event.length + " != " + eventLength);
                }
                System.arraycopy(event, 0, chunk, at, eventLength);
                at += eventLength;
            }
        }
    }

    void targets(int n) {
        remainingTargets = new CountDownLatch(n);
    }

    /** Stops sending; sessions finish the slice they are writing. */
    public void stop() {
        stopped = true;
    }

    /** Events written to sockets so far, over all target sessions. */
    public long sent() {
        return sent.sum();
    }

    /** Waits until every target session got its count (or was stopped or closed). */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return remainingTargets.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isDone() {
        return remainingTargets.getCount() == 0;
    }

    /** Bytes of one encoded event. */
    public int eventLength() {
        return eventLength;
    }

    public FloodSpec spec() {
        return spec;
    }

    boolean stopped() {
        return stopped;
    }

    byte[] chunk() {
        return chunk;
    }

    /** After this many events of one call its Seq starts again at 0; 0 when the events are not spread over calls. */
    public int seqPeriod() {
        return seqPeriod;
    }

    int eventsPerCycle() {
        return eventsPerCycle;
    }

    int eventsPerSlice() {
        return eventsPerSlice;
    }

    void addSent(long n) {
        sent.add(n);
    }

    void targetDone() {
        remainingTargets.countDown();
    }
}
