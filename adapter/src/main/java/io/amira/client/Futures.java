package io.amira.client;

import io.amira.api.AmiException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for the client's own futures, which always complete: answered, expired or failed by a loss. */
final class Futures {

    private Futures() {
    }

    /** The future's value, or the {@link AmiException} it failed with. */
    static <T> T await(CompletableFuture<T> future) throws AmiException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmiException ami) {
                throw ami;
            }
            throw new IllegalStateException("unexpected failure of an AMI action", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmiException("Interrupted while waiting for the answer of an AMI action", e);
        }
    }
}
