package io.amira.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Group commit for action bytes: callers append their encoded packets to a shared buffer under a
 * short lock; whichever caller finds nobody flushing becomes the flusher and writes everything
 * queued so far (its own packet and those of every caller that came meanwhile) with no lock held,
 * looping until the buffer is empty. One socket write thus carries many actions under load, and no
 * caller waits for a lock while another blocks on the socket.
 */
final class ActionWriter {

    /** Enough for a few actions; the buffers grow (and stay) as large as the busiest batch needs. */
    private static final int INITIAL_CAPACITY = 1024;
    /** Beyond this many queued bytes (the server not reading), appenders wait for the flusher. */
    private static final int MAX_QUEUED = 4 * 1024 * 1024;

    private final OutputStream out;
    private final Object lock = new Object();
    private byte[] queued = new byte[INITIAL_CAPACITY];
    private int queuedLength;
    /** The buffer written last round, free for the next appends; none until the first flush. */
    private byte[] spare = new byte[0];
    private boolean flushing;
    private long flushStartedNanos;
    private IOException failure;

    ActionWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Queues one encoded packet and, unless another caller is flushing (and will write it), writes
     * the queue. On return the packet is either written or in the hands of the current flusher.
     * {@code coalesce}: other actions are in flight, so yield once before writing to let their
     * callers (just woken by answers) queue theirs into the same write.
     */
    void write(byte[] packet, boolean coalesce) throws IOException {
        synchronized (lock) {
            while (queuedLength > MAX_QUEUED && flushing && failure == null) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the AMI write queue was full");
                }
            }
            if (failure != null) {
                throw new IOException("an earlier write failed: " + failure.getMessage(), failure);
            }
            append(packet);
            if (flushing) {
                return;
            }
            flushing = true;
        }
        if (coalesce) {
            // Other callers were just woken by answers and are about to queue their next actions:
            // giving them the CPU first lets one socket write carry many actions.
            Thread.yield();
        }
        flushQueue();
    }

    private void append(byte[] packet) {
        int needed = queuedLength + packet.length;
        if (needed > queued.length) {
            byte[] bigger = new byte[Math.max(needed, queued.length * 2)];
            System.arraycopy(queued, 0, bigger, 0, queuedLength);
            queued = bigger;
        }
        System.arraycopy(packet, 0, queued, queuedLength, packet.length);
        queuedLength = needed;
    }

    private void flushQueue() throws IOException {
        while (true) {
            byte[] batch;
            int length;
            synchronized (lock) {
                if (queuedLength == 0) {
                    flushing = false;
                    return;
                }
                batch = queued;
                length = queuedLength;
                // The spare (written last round, now free) takes the next appends.
                queued = spare;
                queuedLength = 0;
                spare = batch;
                flushStartedNanos = System.nanoTime();
                lock.notifyAll();
            }
            try {
                out.write(batch, 0, length);
                out.flush();
            } catch (IOException e) {
                synchronized (lock) {
                    failure = e;
                    flushing = false;
                    lock.notifyAll();
                }
                throw e;
            }
        }
    }

    /** Whether a socket write has been blocked since before {@code nanosAgo} (the server not reading). */
    boolean stalledLongerThan(long nanos, long now) {
        synchronized (lock) {
            return flushing && now - flushStartedNanos > nanos;
        }
    }
}
