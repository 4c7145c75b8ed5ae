package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiOriginateResult;
import io.amira.api.OriginateReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Originates placed at once through the pool, each to a destination with another outcome, each
 * complete with its own OriginateResponse: answered, busy, congested, no answer, no such extension.
 * The simulator's context {@code sim} provides the outcomes (a real Asterisk gets them from the same
 * context in extensions.conf; {@code OutboundOriginateIT} runs them there).
 */
class PooledOriginateOutcomesTest {

    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(20);

    private SimulatedPool deployed;

    @BeforeEach
    void start() throws Exception {
        deployed = SimulatedPool.start(5, definition -> { });
    }

    @AfterEach
    void stop() throws Exception {
        deployed.close();
    }

    @Test
    void originatesOnConnectionsOfTheirOwnCompleteWithTheirOwnOutcome() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(calls().size());
        try {
            Map<String, CompletableFuture<AmiOriginateResult>> results = new LinkedHashMap<>();
            calls().forEach((destination, originate) -> results.put(destination, CompletableFuture.supplyAsync(() -> {
                try (AmiConnection connection = deployed.factory.getConnection()) {
                    return connection.originate(originate, OUTCOME_TIMEOUT);
                } catch (Exception e) {
                    throw new IllegalStateException(destination + ": " + e.getMessage(), e);
                }
            }, callers)));

            assertOwnOutcomes(results);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void asyncOriginatesOnOneBorrowedConnectionCompleteWithTheirOwnOutcome() throws Exception {
        Map<String, CompletableFuture<AmiOriginateResult>> results = new LinkedHashMap<>();
        try (AmiConnection connection = deployed.factory.getConnection()) {
            calls().forEach((destination, originate) -> results.put(destination,
                    connection.originateAsync(originate, OUTCOME_TIMEOUT)));
        }

        assertOwnOutcomes(results);
        assertEquals(1, deployed.simulator.logins(), "all five on one pooled session");
    }

    /** The destinations, each with the Originate that reaches it. */
    static Map<String, AmiAction> calls() {
        Map<String, AmiAction> calls = new LinkedHashMap<>();
        for (String destination : new String[] {"Local/100@demo", "Local/busy@sim", "Local/congested@sim",
                "Local/noanswer@sim", "Local/nosuch@sim"}) {
            calls.put(destination, AmiActions.originate(destination).toApplication("Wait", "2")
                    .timeout(Duration.ofSeconds(2)).build());
        }
        return calls;
    }

    private static void assertOwnOutcomes(Map<String, CompletableFuture<AmiOriginateResult>> results) throws Exception {
        Map<String, AmiOriginateResult> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<AmiOriginateResult>> result : results.entrySet()) {
            outcomes.put(result.getKey(), result.getValue().get(OUTCOME_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS));
        }
        outcomes.forEach((destination, outcome) -> assertTrue(outcome.channel().startsWith(destination),
                destination + " got another call's outcome: " + outcome.channel() + " " + outcome));

        AmiOriginateResult answered = outcomes.get("Local/100@demo");
        assertTrue(answered.isSuccess(), answered.toString());
        assertEquals(OriginateReason.ANSWERED, answered.reason());
        assertFailed(OriginateReason.BUSY, outcomes.get("Local/busy@sim"));
        assertFailed(OriginateReason.CONGESTION, outcomes.get("Local/congested@sim"));
        assertFailed(OriginateReason.FAILURE, outcomes.get("Local/nosuch@sim"));
        // Real Asterisk 22 reports a call that rang until the Originate's Timeout with Reason 3
        // (RING_TIMEOUT, checked on 22.10.1); the simulator reports 1. Either way: no answer.
        AmiOriginateResult noAnswer = outcomes.get("Local/noanswer@sim");
        assertFalse(noAnswer.isSuccess(), noAnswer.toString());
        assertNotEquals(OriginateReason.ANSWERED, noAnswer.reason());
    }

    private static void assertFailed(OriginateReason expected, AmiOriginateResult outcome) {
        assertFalse(outcome.isSuccess(), outcome.toString());
        assertEquals(expected, outcome.reason(), outcome.toString());
    }
}
