package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers of any size on one session (issue 12, item 1), against {@link LargeAnswerServer} on a
 * raw socket: decoded whole under the answer limit; over it, that action alone fails and the
 * session goes on.
 */
class AmiClientLargeAnswersTest {

    private static final int LINES = 200_000;
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final long SMALL_LIMIT = 1024 * 1024;

    private LargeAnswerServer server;
    private AmiClient client;
    private long limit;
    private final SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private AmiClient connect(long maxAnswerBytes) throws Exception {
        limit = maxAnswerBytes;
        server = new LargeAnswerServer();
        client = AmiClient.connect(AmiClientConfig.builder().port(server.port()).username("admin").secret("amp111")
                .authType(AmiClientConfig.AuthType.PLAIN)
                .maxAnswerBytes(maxAnswerBytes).build(), listener);
        return client;
    }

    private static AmiAction command(String command) {
        return AmiAction.builder("Command").header("Command", command).build();
    }

    private void assertSessionGoesOn() throws AmiException {
        assertEquals("Pong", client.send(AmiAction.of("Ping")).get("Ping"));
        assertTrue(client.isConnected());
        assertTrue(listener.disconnects.isEmpty(), listener.disconnects.toString());
    }

    @Test
    void commandOutputInBothFormsAListAndAnEventOfAnySizeOnOneSession() throws Exception {
        connect(AmiClientConfig.DEFAULT_MAX_ANSWER_BYTES);

        List<String> output = client.send(command("output " + LINES), LONG).outputLines();
        assertEquals(LINES, output.size());
        assertEquals(LargeAnswerServer.outputLine(0), output.get(0));
        assertEquals(LargeAnswerServer.outputLine(LINES - 1), output.get(LINES - 1));

        List<String> legacy = client.send(command("legacy " + LINES), LONG).outputLines();
        assertEquals(LINES, legacy.size());
        assertEquals("", legacy.get(LINES / 2));
        assertEquals(LargeAnswerServer.outputLine(LINES - 1), legacy.get(LINES - 1));

        AmiResponse channels = client.send(AmiAction.builder("CoreShowChannels").header("Count", LINES).build(), LONG);
        assertEquals(LINES, channels.events().size());
        assertEquals(String.valueOf(LINES - 1), channels.events().get(LINES - 1).get("Exten"));
        assertEquals(String.valueOf(LINES), channels.completion().get("ListItems"));

        client.send(AmiAction.builder("UserEvent").header("UserEvent", "Big").header("Headers", 10_000).build());
        await().atMost(LONG).until(() -> listener.received("UserEvent"));
        AmiEvent big = listener.events.get(0);
        assertEquals(10_000, big.size());
        assertEquals("value 9999", big.get("Header9999"));

        assertSessionGoesOn();
        assertEquals(0, client.pendingActions());
    }

    @Test
    void commandOutputOverTheLimitFailsThatActionOnlyNamingActionLimitAndSetting() throws Exception {
        connect(SMALL_LIMIT);
        CompletableFuture<AmiResponse> big = client.sendAsync(command("output " + LINES), LONG);
        CompletableFuture<AmiResponse> pingBehindIt = client.sendAsync(AmiAction.of("Ping"), LONG);

        ExecutionException e = assertThrows(ExecutionException.class, () -> big.get(60, TimeUnit.SECONDS));
        AmiException failure = assertInstanceOf(AmiException.class, e.getCause());
        assertTooLarge(failure, "Action Command");
        assertEquals("Pong", pingBehindIt.get(60, TimeUnit.SECONDS).get("Ping"));
        assertSessionGoesOn();
        assertEquals(0, client.droppedPackets(), "the packet was attributed to its action");
    }

    @Test
    void legacyCommandOutputOverTheLimitFailsThatActionOnly() throws Exception {
        connect(SMALL_LIMIT);
        assertTooLarge(assertThrows(AmiException.class, () -> client.send(command("legacy " + LINES), LONG)), "Action Command");
        assertSessionGoesOn();
        assertEquals(LINES, client.send(command("output " + LINES / 20), LONG).outputLines().size() * 20);
    }

    @Test
    void aLineOverTheLimitFailsThatActionOnly() throws Exception {
        connect(SMALL_LIMIT);
        AmiException failure = assertThrows(AmiException.class,
                () -> client.send(command("longline " + 2 * SMALL_LIMIT), LONG));
        assertTooLarge(failure, "Action Command");
        assertTrue(failure.getMessage().contains("a line longer than"), failure.getMessage());
        assertSessionGoesOn();
    }

    @Test
    void aListOverTheLimitFailsThatActionOnlyAndItsRemainingItemsReachNoListener() throws Exception {
        connect(SMALL_LIMIT);
        AmiException failure = assertThrows(AmiException.class,
                () -> client.send(AmiAction.builder("CoreShowChannels").header("Count", LINES).build(), LONG));
        assertTooLarge(failure, "Action CoreShowChannels");
        assertTrue(failure.getMessage().contains("passed the limit"), failure.getMessage());
        assertSessionGoesOn();
        // the Ping's answer came after the list's last item: the list was swallowed to its end
        assertEquals(0, client.pendingActions());
        assertTrue(listener.events.isEmpty(), "no item of the failed list reaches the listener: " + listener.events.size());
    }

    @Test
    void anUnsolicitedEventOverTheLimitIsDroppedCountedAndLoggedOnce() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.amira.client");
        logger.addHandler(handler);
        try {
            connect(64 * 1024);
            AmiAction bigEvent = AmiAction.builder("UserEvent").header("UserEvent", "Big").header("Headers", 10_000).build();
            client.send(bigEvent);
            client.send(bigEvent);
            AmiAction smallEvent = AmiAction.builder("UserEvent").header("UserEvent", "Big").header("Headers", 10).build();
            client.send(smallEvent);
            await().atMost(LONG).until(() -> listener.received("UserEvent"));
            assertEquals(1, listener.events.size(), "only the small event arrives");
            assertEquals(10, listener.events.get(0).size());
            assertEquals(2, client.droppedPackets());
            assertEquals(1, warnings.size(), "logged once at WARNING");
            String logged = warnings.get(0).getMessage();
            assertTrue(logged.startsWith("AMIRA-CLI-010") && logged.contains("maxAnswerBytes"), logged);
            assertSessionGoesOn();
        } finally {
            logger.removeHandler(handler);
        }
    }

    private void assertTooLarge(AmiException failure, String action) {
        String message = failure.getMessage();
        assertTrue(message.startsWith(action + " (ActionID "), message);
        assertTrue(message.contains(client.server()), message);
        assertTrue(message.contains("limit of " + limit + " bytes"), message);
        assertTrue(message.contains("maxAnswerBytes"), message);
        assertTrue(message.contains("the session goes on"), message);
    }
}
