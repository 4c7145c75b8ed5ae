package io.amira.client;

import io.amira.api.AmiException;
import io.amira.api.AmiTimeoutException;
import io.amira.protocol.AmiMessage;

/**
 * One action written (or about to be) and not yet fully answered: what the reader needs to
 * correlate the answer by ActionID and to expire it. Its answer is handled on the reading thread.
 */
abstract class PendingAction {

    final String actionId;
    final String actionName;
    final String server;
    final long timeoutNanos;
    final long deadlineNanos;
    /** The size of the packets received with this ActionID so far; reading thread only. */
    long answerBytes;

    PendingAction(String actionId, String actionName, String server, long timeoutNanos) {
        this.actionId = actionId;
        this.actionName = actionName;
        this.server = server;
        this.timeoutNanos = timeoutNanos;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
    }

    /** The {@code Response} packet carrying this ActionID. */
    abstract void onResponse(AmiMessage response);

    /**
     * An event carrying this ActionID. Returns true when the event belongs to this action's answer
     * (a list item or the list's end) and must not reach the listener.
     */
    abstract boolean onEvent(AmiMessage event);

    abstract void fail(AmiException cause);

    /**
     * The answer broke the session's answer limit (or a packet of it was dropped): fails the
     * caller at once. The rest of the answer, if any, is then skipped ({@link #skipsRestOfAnswer()}).
     */
    void answerTooLarge(AmiException cause) {
        fail(cause);
    }

    /**
     * Whether the action, though done, stays registered to swallow the rest of an answer it gave up
     * on (a list's remaining items), so that they do not reach the listener. Expiry at the deadline
     * ends that too.
     */
    boolean skipsRestOfAnswer() {
        return false;
    }

    abstract boolean isDone();

    /**
     * Called by the reading thread once it has decoded a whole read, for every action that read
     * answered: lets an answer that left its caller parked ({@link PendingCall}) wake it.
     */
    void wakeCaller() {
    }

    /** What was still missing when the deadline passed, for the timeout message. */
    abstract String missing();

    final void expire() {
        fail(new AmiTimeoutException(describe() + " got " + missing() + " within "
                + Durations.format(timeoutNanos) + "; the session is still open"));
    }

    /** e.g. {@code Action Ping (ActionID 17) on 127.0.0.1:5038}. */
    final String describe() {
        return "Action " + actionName + " (ActionID " + actionId + ") on " + server;
    }
}
