package io.amira.outbound;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiInteractionSpec;
import jakarta.resource.cci.Interaction;
import jakarta.resource.spi.CommException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application holds a handle while its session dies (socket dropped, keepalive unanswered, the
 * container flushing the pool): every later call on the handle fails with the cause, naming the
 * server — AmiConnectionLostException typed, CommException through CCI — never IllegalStateException.
 */
class LostSessionHandleTest {

    private SimulatedPool deployed;

    @AfterEach
    void stop() throws Exception {
        if (deployed != null) {
            deployed.close();
        }
    }

    @Test
    void handlesHeldAcrossASocketDropFailWithTheCause() throws Exception {
        deployed = SimulatedPool.start(4, definition -> { });
        AmiConnection typed = deployed.factory.getConnection();
        AmiConnectionHandle cci = (AmiConnectionHandle) deployed.factory.cci().getConnection();
        typed.send(AmiActions.ping());
        Interaction interaction = cci.createInteraction();
        interaction.execute(new AmiInteractionSpec("Ping"), null);

        deployed.simulator.dropAllConnections();
        await().atMost(Duration.ofSeconds(5)).until(() -> deployed.pool.errorEvents() == 2 && deployed.pool.size() == 0);

        assertLost(() -> typed.send(AmiActions.ping()), "closed the connection");
        assertLost(() -> typed.originate(AmiActions.originate("Local/100@demo").toApplication("Wait", "1").build(),
                Duration.ofSeconds(5)), "closed the connection");
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> typed.sendAsync(AmiActions.ping()).get(5, TimeUnit.SECONDS));
        assertInstanceOf(AmiConnectionLostException.class, async.getCause());
        assertCommFailure(() -> interaction.execute(new AmiInteractionSpec("Ping"), null));
        assertCommFailure(cci::createInteraction);
        assertDoesNotThrow(typed::close);
        assertDoesNotThrow(cci::close);
    }

    @Test
    void aHandleHeldAcrossAKeepaliveExpiryFailsWithTheCause() throws Exception {
        deployed = SimulatedPool.start(4, definition -> {
            definition.setKeepAliveIntervalMillis(200L);
            definition.setKeepAliveTimeoutMillis(300L);
        });
        try (AmiConnection typed = deployed.factory.getConnection()) {
            typed.send(AmiActions.ping());

            deployed.simulator.hang(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> deployed.pool.errorEvents() == 1 && deployed.pool.size() == 0);

            assertLost(() -> typed.send(AmiActions.ping()), "keepalive");
        } finally {
            deployed.simulator.hang(false);
        }
    }

    @Test
    void aHandleWhoseConnectionTheContainerDestroysFailsAsLost() throws Exception {
        deployed = SimulatedPool.start(4, definition -> { });
        AmiConnection typed = deployed.factory.getConnection();
        typed.send(AmiActions.ping());

        deployed.pool.close();

        assertLost(() -> typed.send(AmiActions.ping()), "closed by the container");
        assertEquals(1, deployed.pool.destroyed());
    }

    private void assertLost(Executable call, String why) {
        AmiConnectionLostException e = assertThrows(AmiConnectionLostException.class, call);
        assertTrue(e.getMessage().contains(deployed.server()), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private void assertCommFailure(Executable call) {
        CommException e = assertThrows(CommException.class, call);
        assertTrue(e.getMessage().contains(deployed.server()), e.getMessage());
        assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
    }
}
