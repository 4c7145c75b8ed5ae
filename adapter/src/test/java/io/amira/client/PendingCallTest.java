package io.amira.client;

import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiResponse;
import io.amira.protocol.AmiMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parked caller of a synchronous send: woken by the reader after its read, or at once by a failure. */
class PendingCallTest {

    private static final AmiMessage PONG = AmiMessage.of(null, new String[] {"Response", "Ping", "ActionID"},
            new String[] {"Success", "Pong", "7"});

    /** Starts a caller thread that makes the call, hands it over, and waits for its outcome. */
    private static CompletableFuture<Object> caller(long timeoutNanos, SynchronousQueue<PendingCall> handOver) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                PendingCall call = new PendingCall("7", "Ping", "127.0.0.1:5038", timeoutNanos);
                handOver.put(call);
                outcome.complete(call.await());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "pending-call-test");
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    @Test
    void theAnswerReachesTheCallerWhenTheReaderWakesIt() throws Exception {
        SynchronousQueue<PendingCall> handOver = new SynchronousQueue<>();
        CompletableFuture<Object> outcome = caller(TimeUnit.SECONDS.toNanos(30), handOver);
        PendingCall call = handOver.take();
        call.onResponse(PONG);
        assertTrue(call.isDone());
        call.wakeCaller();
        Object result = outcome.get(5, TimeUnit.SECONDS);
        assertEquals("Success", ((AmiResponse) result).name());
    }

    @Test
    void aFailureWakesTheCallerAtOnceAndOnlyTheFirstOutcomeCounts() throws Exception {
        SynchronousQueue<PendingCall> handOver = new SynchronousQueue<>();
        CompletableFuture<Object> outcome = caller(TimeUnit.SECONDS.toNanos(30), handOver);
        PendingCall call = handOver.take();
        AmiConnectionLostException lost = new AmiConnectionLostException("gone", null);
        call.fail(lost);
        call.onResponse(PONG);
        assertSame(lost, outcome.get(5, TimeUnit.SECONDS));
        assertSame(lost, call.settledOutcome());
    }

    @Test
    void aCallNobodyAnswersReturnsNullAtItsDeadline() throws Exception {
        SynchronousQueue<PendingCall> handOver = new SynchronousQueue<>();
        CompletableFuture<Object> outcome = caller(TimeUnit.MILLISECONDS.toNanos(100), handOver);
        PendingCall call = handOver.take();
        await().atMost(Duration.ofSeconds(5)).until(outcome::isDone);
        assertNull(outcome.get());
        assertFalse(call.isDone());
        call.expire();
        assertInstanceOf(io.amira.api.AmiTimeoutException.class, call.settledOutcome());
    }
}
