package io.amira.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Live sessions, the authlimit count, and event fan-out to the sessions allowed to read an event. */
final class SessionRegistry {
    private final CopyOnWriteArrayList<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();

    /** False when the authlimit is reached (the caller closes the socket, as Asterisk does). */
    boolean add(AmiSession session, int authLimit) {
        if (unauthenticated.incrementAndGet() > authLimit) {
            unauthenticated.decrementAndGet();
            return false;
        }
        sessions.add(session);
        return true;
    }

    void unauthenticatedDone() {
        unauthenticated.decrementAndGet();
    }

    void remove(AmiSession session) {
        sessions.remove(session);
    }

    List<AmiSession> all() {
        return sessions;
    }

    int size() {
        return sessions.size();
    }

    /** Encodes once, queues to every session whose read classes, event mask and filters allow the event. */
    void publish(int category, Packet event) {
        byte[] bytes = null;
        for (AmiSession s : sessions) {
            if (s.accepts(category, event)) {
                if (bytes == null) {
                    bytes = event.encode();
                }
                s.deliverEvent(bytes);
            }
        }
    }

    /**
     * Waits (at most {@code maxWait}) until no session has more than {@code bytes} queued, so a
     * producer of many events lets the readers catch up instead of overflowing their backlog.
     */
    void awaitBacklogBelow(long bytes, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (System.nanoTime() < deadline && largestBacklog() > bytes) {
            Thread.sleep(1);
        }
    }

    private long largestBacklog() {
        long largest = 0;
        for (AmiSession s : sessions) {
            largest = Math.max(largest, s.writer.queuedBytes());
        }
        return largest;
    }

    void closeAll() {
        for (AmiSession s : sessions) {
            s.close();
        }
    }
}
