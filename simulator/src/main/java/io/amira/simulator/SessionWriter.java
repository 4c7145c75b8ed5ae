package io.amira.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes to a session's socket: queued packets and streamed replies in order,
 * then flood slices. Keeping writes off the PBX and reader threads means a stuck client only stalls
 * its own session. A streamed reply (a huge list or Command answer) is encoded here, slice by slice,
 * so its size costs no memory; what is queued behind it waits until it is written.
 */
final class SessionWriter implements Runnable {
    private static final Logger LOG = Logger.getLogger(SessionWriter.class.getName());
    private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    private static final int BATCH = 64 * 1024;

    private final AmiSession session;
    private final OutputStream out;
    private final Faults faults;
    private final Object lock = new Object();
    /** byte[] packets and {@link ReplyStream}s, in the order they are written. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private FloodTarget flood;
    private boolean closed;
    private boolean closeWhenDrained;
    private final byte[] batch = new byte[BATCH];
    /** System.nanoTime() when the current socket write began, 0 when not writing (read by the watchdog). */
    volatile long writeStartedNanos;

    SessionWriter(AmiSession session, OutputStream out, Faults faults) {
        this.session = session;
        this.out = out;
        this.faults = faults;
    }

    void enqueue(byte[] bytes) {
        enqueue(bytes, bytes.length);
    }

    /** Queues a reply that is encoded while it is written; its bytes count against no backlog limit. */
    void enqueue(ReplyStream reply) {
        enqueue(reply, 0);
    }

    private void enqueue(Object item, int length) {
        synchronized (lock) {
            if (closed || closeWhenDrained) {
                return;
            }
            queue.add(item);
            queuedBytes += length;
            if (queuedBytes > MAX_QUEUED_BYTES) {
                LOG.warning(() -> "sim.session " + session.id() + " backlog over " + MAX_QUEUED_BYTES + " bytes: closing");
                closed = true;
            }
            lock.notifyAll();
        }
        if (isClosed()) {
            session.close();
        }
    }

    /** Writes everything queued so far, then closes the socket (Logoff, failed login). */
    void closeWhenDrained() {
        synchronized (lock) {
            closeWhenDrained = true;
            if (flood != null) {
                flood.finish();
                flood = null;
            }
            lock.notifyAll();
        }
    }

    void startFlood(FloodTarget target) {
        synchronized (lock) {
            if (flood != null) {
                flood.finish();
            }
            flood = target;
            lock.notifyAll();
        }
    }

    void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            if (flood != null) {
                flood.finish();
                flood = null;
            }
            lock.notifyAll();
        }
    }

    /** Bytes of packets queued and not yet written (streamed replies not counted). */
    long queuedBytes() {
        synchronized (lock) {
            return queuedBytes;
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                int len = 0;
                byte[] single = null;
                ReplyStream reply = null;
                FloodTarget f = null;
                synchronized (lock) {
                    while (!closed && (faults.hung || (queue.isEmpty() && flood == null && !closeWhenDrained))) {
                        lock.wait(faults.hung ? 10 : 0);
                    }
                    if (closed) {
                        return;
                    }
                    Object head;
                    while ((head = queue.peek()) instanceof byte[] && len + ((byte[]) head).length <= BATCH) {
                        byte[] b = (byte[]) queue.poll();
                        System.arraycopy(b, 0, batch, len, b.length);
                        len += b.length;
                        queuedBytes -= b.length;
                    }
                    if (len == 0 && head instanceof ReplyStream) {
                        reply = (ReplyStream) queue.poll();
                    } else if (len == 0 && head != null) {
                        single = (byte[]) queue.poll();
                        queuedBytes -= single.length;
                    } else if (len == 0 && flood != null) {
                        f = flood;
                    } else if (len == 0 && closeWhenDrained) {
                        break;
                    }
                }
                if (len > 0) {
                    write(batch, 0, len);
                } else if (single != null) {
                    write(single, 0, single.length);
                } else if (reply != null) {
                    writeReply(reply);
                } else if (f != null) {
                    writeFlood(f);
                }
            }
            session.close();
        } catch (IOException e) {
            LOG.fine(() -> "sim.session " + session.id() + " write failed: " + e);
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
        }
    }

    private void writeReply(ReplyStream reply) throws IOException, InterruptedException {
        byte[] slice;
        while ((slice = nextSlice(reply)) != null) {
            synchronized (lock) {
                while (faults.hung && !closed) {
                    lock.wait(10);
                }
                if (closed) {
                    return;
                }
            }
            write(slice, 0, slice.length);
        }
    }

    /** The reply's next slice; a reply that cannot be encoded ends the session, as a cut answer would leave it unusable. */
    private byte[] nextSlice(ReplyStream reply) throws IOException {
        try {
            return reply.next();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sim.session " + session.id() + " reply cannot be encoded: closing", e);
            throw new IOException("reply cannot be encoded", e);
        }
    }

    private void writeFlood(FloodTarget f) throws IOException, InterruptedException {
        long n = f.allowedNow();
        if (n < 0) {
            synchronized (lock) {
                if (flood == f) {
                    flood = null;
                }
            }
            f.finish();
            return;
        }
        if (n == 0) {
            long waitNanos = f.nanosUntilNext();
            synchronized (lock) {
                if (queue.isEmpty() && flood == f && !closed) {
                    lock.wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                }
            }
            return;
        }
        int events = (int) n;
        write(f.chunk(), f.offset(), f.bytesFor(events));
        f.sent(events);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        int split = faults.splitWrites;
        if (split <= 0) {
            timedWrite(b, off, len);
            return;
        }
        int pos = off;
        while (pos < off + len) {
            int piece = Math.min(off + len - pos, 1 + ThreadLocalRandom.current().nextInt(split));
            timedWrite(b, pos, piece);
            pos += piece;
        }
    }

    private void timedWrite(byte[] b, int off, int len) throws IOException {
        writeStartedNanos = System.nanoTime() | 1;
        try {
            out.write(b, off, len);
            out.flush();
        } finally {
            writeStartedNanos = 0;
        }
    }
}
