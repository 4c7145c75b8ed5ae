package io.amira.outbound;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background validation as IronJacamar runs it (one connection per getInvalidConnections call, on
 * one thread), with keepalive off so that only validation can find a hung server: a session heard
 * from recently needs no Ping, a quiet one is pinged, and a run over several hung sessions waits
 * for one Ping deadline, not one per session; every session whose Ping goes unanswered is dead. A
 * session in use is not pinged: Asterisk would answer the Ping only after the session's slow actions.
 */
class PoolValidationTest {

    private static final Duration PING_DEADLINE = Duration.ofSeconds(1);

    private SimulatedPool deployed;

    @BeforeEach
    void start() throws Exception {
        deployed = SimulatedPool.start(4, definition -> {
            definition.setKeepAliveIntervalMillis(0L);
            definition.setKeepAliveTimeoutMillis(PING_DEADLINE.toMillis());
        });
    }

    @AfterEach
    void stop() throws Exception {
        deployed.simulator.hang(false);
        deployed.close();
    }

    @Test
    void aSessionHeardFromWithinTheDeadlineIsValidWithoutARoundTrip() throws Exception {
        try (AmiConnection connection = deployed.factory.getConnection()) {
            connection.send(AmiActions.ping());
        }

        assertEquals(0, deployed.pool.validateIdle());
        assertEquals(1, deployed.simulator.actionsReceived("Ping"), "only the application's own Ping");
        assertEquals(1, deployed.pool.idleCount());
    }

    @Test
    void aQuietSessionIsPingedAndStays() throws Exception {
        try (AmiConnection connection = deployed.factory.getConnection()) {
            connection.send(AmiActions.ping());
        }
        awaitQuietLongerThanTheDeadline();

        assertEquals(0, deployed.pool.validateIdle());
        assertEquals(2, deployed.simulator.actionsReceived("Ping"));
        assertEquals(1, deployed.pool.idleCount());
    }

    @Test
    void oneRunOverHungSessionsWaitsForOneDeadlineAndEndsThemAll() throws Exception {
        List<AmiConnection> borrowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            borrowed.add(deployed.factory.getConnection());
        }
        AmiConnection held = borrowed.remove(0);
        for (AmiConnection connection : borrowed) {
            connection.close();
        }
        deployed.simulator.hang(true);
        awaitQuietLongerThanTheDeadline();

        long start = System.nanoTime();
        int invalid = deployed.pool.validateIdle();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(3, invalid);
        assertTrue(millis < 2.5 * PING_DEADLINE.toMillis(),
                "3 hung sessions checked one after the other would take 3 Ping deadlines; took " + millis + " ms");
        assertEquals(3, deployed.pool.destroyed());
        assertEquals(1, deployed.pool.size(), "the session in use is left to its actions' timeouts");

        deployed.simulator.hang(false);
        assertTrue(held.send(AmiActions.ping()).isSuccess());
        held.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> deployed.simulator.activeSessions() == 1);
    }

    private void awaitQuietLongerThanTheDeadline() {
        await().atMost(Duration.ofSeconds(10)).until(() -> deployed.pool.connections().stream()
                .map(connection -> ((AmiManagedConnection) connection).client().silence())
                .allMatch(silence -> silence.compareTo(PING_DEADLINE) > 0));
    }
}
