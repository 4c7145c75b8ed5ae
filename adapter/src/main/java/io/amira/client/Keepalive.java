package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Keeps a quiet session honest: after {@code interval} without a byte from the server, sends a
 * Ping that must be answered within {@code timeout}, or the session is declared dead. Runs on the
 * reader's ticks, so it needs no thread of its own.
 */
final class Keepalive {

    private static final AmiAction PING = AmiAction.builder("Ping").build();

    private final AmiClient client;
    private final long intervalNanos;
    private final long timeoutNanos;
    private CompletableFuture<AmiResponse> outstanding;

    Keepalive(AmiClient client, long intervalNanos, long timeoutNanos) {
        this.client = client;
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos;
    }

    void tick(long now, long lastReadNanos) {
        if (intervalNanos <= 0) {
            return;
        }
        if (outstanding != null) {
            if (!outstanding.isDone()) {
                return;
            }
            if (timedOut(outstanding)) {
                client.connectionLost("no answer to the keepalive Ping within " + Durations.format(timeoutNanos)
                        + "; the server or the network is not responding", null);
                return;
            }
            outstanding = null;
        }
        if (client.writeStalledLongerThan(timeoutNanos, now)) {
            client.connectionLost("the server has not taken our bytes for over " + Durations.format(timeoutNanos), null);
            return;
        }
        if (now - lastReadNanos >= intervalNanos) {
            // Written from the reading thread: it could block only if the kernel's send buffer were
            // already full with no write in progress (a write in progress is caught just above).
            outstanding = client.sendAsync(PING, java.time.Duration.ofNanos(timeoutNanos));
        }
    }

    private static boolean timedOut(CompletableFuture<AmiResponse> ping) {
        try {
            ping.join();
            return false;
        } catch (CompletionException e) {
            return e.getCause() instanceof AmiTimeoutException;
        }
    }
}
