package io.amira.simulator;

/** One session's share of a flood: its count, its pace, its progress. Used by that session's writer only. */
final class FloodTarget {
    private final Flood flood;
    private final long rate;
    private long remaining;
    private long sentHere;
    /** The next event to write, as an index into the flood's cycle. */
    private int position;
    private final long startNanos = System.nanoTime();
    private boolean finished;

    FloodTarget(Flood flood, long count, long rate) {
        this.flood = flood;
        this.remaining = count == 0 ? -1 : count;
        this.rate = rate;
    }

    /** Events to write now: -1 when done, 0 when the pace says wait. */
    long allowedNow() {
        if (finished || flood.stopped() || remaining == 0) {
            return -1;
        }
        long n = Math.min(flood.eventsPerSlice(), flood.eventsPerCycle() - position);
        if (remaining > 0) {
            n = Math.min(n, remaining);
        }
        if (rate > 0) {
            long elapsed = System.nanoTime() - startNanos;
            long due = (long) (elapsed / 1e9 * rate) - sentHere;
            n = Math.min(n, Math.max(0, due));
        }
        return n;
    }

    long nanosUntilNext() {
        long next = (long) ((sentHere + 1) * 1e9 / rate);
        return Math.max(100_000, next - (System.nanoTime() - startNanos));
    }

    byte[] chunk() {
        return flood.chunk();
    }

    int offset() {
        return position * flood.eventLength();
    }

    int bytesFor(int events) {
        return events * flood.eventLength();
    }

    void sent(int events) {
        sentHere += events;
        position = (position + events) % flood.eventsPerCycle();
        if (remaining > 0) {
            remaining -= events;
        }
        flood.addSent(events);
        if (remaining == 0) {
            finish();
        }
    }

    synchronized void finish() {
        if (!finished) {
            finished = true;
            flood.targetDone();
        }
    }
}
