package io.amira.client;

import io.amira.api.AmiException;
import io.amira.api.AmiResponse;

import java.util.concurrent.CompletableFuture;

/** An action whose answer completes a future ({@code sendAsync}, {@code sendAllAsync}). */
final class PendingResponse extends ResponseCollector {

    final CompletableFuture<AmiResponse> future = new CompletableFuture<>();

    PendingResponse(String actionId, String actionName, String server, long timeoutNanos) {
        super(actionId, actionName, server, timeoutNanos);
    }

    @Override
    void succeed(AmiResponse response) {
        future.complete(response);
    }

    @Override
    void refuse(AmiException failure) {
        future.completeExceptionally(failure);
    }

    @Override
    void fail(AmiException cause) {
        future.completeExceptionally(cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }
}
