package io.amira.client;

import io.amira.api.AmiException;
import io.amira.api.AmiResponse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * An action whose caller waits in {@code send()}: the outcome goes into one field and the caller is
 * parked, no future. Answers read by the reading thread do not wake the caller at once: the reader
 * wakes every answered caller after it has decoded the whole read ({@link #wakeCaller()}), so it
 * is not preempted by callers it woke while it still has answers to hand out. Failures from any
 * other path (timeout, connection loss) wake the caller at once.
 */
final class PendingCall extends ResponseCollector {

    private static final VarHandle OUTCOME;

    static {
        try {
            OUTCOME = MethodHandles.lookup().findVarHandle(PendingCall.class, "outcome", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread caller = Thread.currentThread();
    /** The AmiResponse or the AmiException; set once. */
    private volatile Object outcome;

    PendingCall(String actionId, String actionName, String server, long timeoutNanos) {
        super(actionId, actionName, server, timeoutNanos);
    }

    @Override
    void succeed(AmiResponse response) {
        OUTCOME.compareAndSet(this, null, response);
    }

    @Override
    void refuse(AmiException failure) {
        OUTCOME.compareAndSet(this, null, failure);
    }

    @Override
    void fail(AmiException cause) {
        if (OUTCOME.compareAndSet(this, null, cause)) {
            LockSupport.unpark(caller);
        }
    }

    @Override
    void wakeCaller() {
        LockSupport.unpark(caller);
    }

    @Override
    boolean isDone() {
        return outcome != null;
    }

    /**
     * Parks the calling thread (the one that made this call) until the outcome is set or the
     * deadline passes. Returns the outcome, null on timeout.
     *
     * @throws InterruptedException the caller was interrupted while waiting
     */
    Object await() throws InterruptedException {
        while (true) {
            Object result = outcome;
            if (result != null) {
                return result;
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            LockSupport.parkNanos(this, remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * The outcome after {@link #await()} timed out and the caller lost the race to remove this
     * action: whoever removed it (the reader, an expiry, a connection loss) sets it right after.
     */
    Object settledOutcome() {
        boolean interrupted = false;
        Object result;
        while ((result = outcome) == null) {
            LockSupport.parkNanos(this, 1_000_000);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
