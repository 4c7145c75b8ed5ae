package io.amira.client;

import io.amira.api.AmiException;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The session's unanswered actions by ActionID. An ActionID is the session's random prefix and a
 * counter: cheap to make, and unique beyond the session, because some answers reach other sessions
 * too (an async Originate's {@code OriginateResponse} goes to every session taking call events, of
 * this JVM or another application server's). The map is a ConcurrentHashMap, written by callers and
 * read by the reading thread.
 */
final class PendingActions {

    private static final SecureRandom PREFIXES = new SecureRandom();

    private final ConcurrentHashMap<String, PendingAction> byId = new ConcurrentHashMap<>(256);
    private final String prefix = Long.toString(PREFIXES.nextLong() >>> 1, 36) + "-";
    private final AtomicLong counter = new AtomicLong();

    String nextActionId() {
        return prefix + counter.incrementAndGet();
    }

    void add(PendingAction action) {
        byId.put(action.actionId, action);
    }

    PendingAction get(String actionId) {
        return byId.get(actionId);
    }

    boolean remove(PendingAction action) {
        return byId.remove(action.actionId, action);
    }

    int size() {
        return byId.size();
    }

    /** Fails, with a timeout, every action whose deadline has passed. */
    void expire(long now) {
        if (byId.isEmpty()) {
            return;
        }
        for (PendingAction action : byId.values()) {
            if (now - action.deadlineNanos >= 0 && byId.remove(action.actionId, action)) {
                action.expire();
            }
        }
    }

    /** Removes and fails every pending action with the exception made for it. */
    void failAll(Function<PendingAction, AmiException> failure) {
        for (PendingAction action : byId.values()) {
            if (byId.remove(action.actionId, action)) {
                action.fail(failure.apply(action));
            }
        }
    }
}
