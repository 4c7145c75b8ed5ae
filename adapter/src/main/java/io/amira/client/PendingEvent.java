package io.amira.client;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.protocol.AmiMessage;

import java.util.concurrent.CompletableFuture;

/**
 * An action whose outcome is an event carrying its ActionID (async Originate →
 * {@code OriginateResponse}). An Error response fails it; the event may come before or after the
 * response (Asterisk races them for fast failures).
 */
final class PendingEvent extends PendingAction {

    final CompletableFuture<AmiEvent> future = new CompletableFuture<>();
    private final String eventName;
    private volatile boolean responded;

    PendingEvent(String actionId, String actionName, String server, long timeoutNanos, String eventName) {
        super(actionId, actionName, server, timeoutNanos);
        this.eventName = eventName;
    }

    @Override
    void onResponse(AmiMessage message) {
        responded = true;
        AmiResponse response = Outcomes.response(message, null, null);
        AmiException failure = Outcomes.failure(response, this);
        if (failure != null) {
            future.completeExceptionally(failure);
        }
    }

    @Override
    boolean onEvent(AmiMessage event) {
        if (eventName.equalsIgnoreCase(event.responseOrEventName())) {
            future.complete(event);
        }
        // The event stays visible to the listener too: it is an ordinary event of the session.
        return false;
    }

    /** Whether the map entry can go: the event came and nothing more is expected. */
    @Override
    boolean isDone() {
        return future.isDone() && (responded || future.isCompletedExceptionally());
    }

    @Override
    void fail(AmiException cause) {
        future.completeExceptionally(cause);
    }

    @Override
    String missing() {
        return responded ? "a successful response but no " + eventName + " event (is the session's Events on?)"
                : "no response";
    }
}
