package io.amira.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** A running flood: events go out from each target session's writer until the count is reached or stop(). */
public final class Flood {
    private final FloodSpec spec;
    private final byte[] chunk;
    private final int eventLength;
    private final int eventsPerChunk;
    private final LongAdder sent = new LongAdder();
    private CountDownLatch remainingTargets = new CountDownLatch(0);
    private volatile boolean stopped;

    Flood(FloodSpec spec, byte[] event) {
        this.spec = spec;
        this.eventLength = event.length;
        this.eventsPerChunk = Math.max(1, (64 * 1024) / event.length);
        this.chunk = new byte[eventsPerChunk * event.length];
        for (int i = 0; i < eventsPerChunk; i++) {
            System.arraycopy(event, 0, chunk, i * event.length, event.length);
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

    int eventsPerChunk() {
        return eventsPerChunk;
    }

    void addSent(long n) {
        sent.add(n);
    }

    void targetDone() {
        remainingTargets.countDown();
    }
}
