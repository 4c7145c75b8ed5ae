package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import io.amira.api.InvalidHeaderException;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.CommandStyle;
import io.amira.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.amira.client.SimulatorClients.admin;
import static io.amira.client.SimulatorClients.config;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiClientActionsTest {

    private AmiSimulator simulator;
    private AmiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private AmiClient connectAdmin() throws Exception {
        if (simulator == null) {
            simulator = AmiSimulator.start();
        }
        client = AmiClient.connect(admin(simulator).build(), null);
        return client;
    }

    @Test
    void permissionDeniedNamesActionServerAndAsterisksMessage() throws Exception {
        simulator = AmiSimulator.start();
        client = AmiClient.connect(config(simulator, "readonly", "ro123").build(), null);
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        AmiPermissionDeniedException e = assertThrows(AmiPermissionDeniedException.class, () -> client.send(
                AmiAction.builder("Originate").header("Channel", "Local/100@demo").header("Application", "Wait")
                        .header("Data", "1").build()));
        assertTrue(e.getMessage().contains("Originate"), e.getMessage());
        assertTrue(e.getMessage().contains(client.server()), e.getMessage());
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        assertEquals("Permission denied", e.response().message());
        assertTrue(client.isConnected(), "a refused action leaves the session open");
    }

    @Test
    void errorResponseCarriesAsterisksMessage() throws Exception {
        connectAdmin();
        AmiActionFailedException e = assertThrows(AmiActionFailedException.class,
                () -> client.send(AmiAction.of("NoSuchAction")));
        assertTrue(e.getMessage().contains("NoSuchAction"), e.getMessage());
        assertTrue(e.getMessage().contains(client.server()), e.getMessage());
        assertEquals("Error", e.response().name());
        assertNotNull(e.response().message());
        assertTrue(e.getMessage().contains(e.response().message()), e.getMessage());
    }

    @Test
    void tenThousandActionsFromSixteenThreadsEachGetTheirOwnAnswer() throws Exception {
        connectAdmin();
        int threads = 16;
        int perThread = 625;
        Set<String> actionIds = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    List<CompletableFuture<AmiResponse>> inFlight = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String variable = "CALLER_" + caller + "_" + i;
                        // Half synchronous, half pipelined asynchronously.
                        AmiAction getvar = AmiAction.builder("Getvar").header("Variable", variable).build();
                        if (i % 2 == 0) {
                            AmiResponse response = client.send(getvar);
                            assertEquals(variable, response.get("Variable"));
                            actionIds.add(response.actionId());
                        } else {
                            inFlight.add(client.sendAsync(getvar, Duration.ofSeconds(20)));
                        }
                    }
                    for (int k = 0; k < inFlight.size(); k++) {
                        AmiResponse response = inFlight.get(k).get();
                        assertEquals("CALLER_" + caller + "_" + (2 * k + 1), response.get("Variable"));
                        actionIds.add(response.actionId());
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            callers.add(thread);
        }
        start.countDown();
        for (Thread thread : callers) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.get(0));
        assertEquals(threads * perThread, actionIds.size(), "every action had its own ActionID");
        assertEquals(threads * perThread, simulator.actionsReceived("Getvar"));
        await().atMost(Duration.ofSeconds(1)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void aBatchGoesOutTogetherAndEachAnswerFindsItsFuture() throws Exception {
        connectAdmin();
        List<AmiAction> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(AmiAction.builder("Getvar").header("Variable", "BATCH_" + i).build());
        }
        List<CompletableFuture<AmiResponse>> answers = client.sendAllAsync(batch, Duration.ofSeconds(10));
        for (int i = 0; i < 500; i++) {
            assertEquals("BATCH_" + i, answers.get(i).get(10, TimeUnit.SECONDS).get("Variable"));
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void listActionsAreCollectedUntilTheirCompleteEvent() throws Exception {
        connectAdmin();
        client.send(AmiAction.builder("Originate").header("Channel", "Local/200@demo").header("Application", "Wait")
                .header("Data", "25").header("Async", "true").build());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.send(AmiAction.of("Status")).events().size() >= 1);

        AmiResponse status = client.send(AmiAction.of("Status"));
        assertEquals("start", status.get("EventList").toLowerCase());
        assertTrue(status.events().stream().allMatch(e -> e.name().equals("Status")), status.events().toString());
        assertEquals("StatusComplete", status.completion().name());
        assertEquals(String.valueOf(status.events().size()), status.completion().get("ListItems"));

        AmiResponse channels = client.send(AmiAction.of("CoreShowChannels"));
        assertFalse(channels.events().isEmpty());
        assertEquals("CoreShowChannelsComplete", channels.completion().name());

        AmiResponse queues = client.send(AmiAction.of("QueueStatus"));
        assertTrue(queues.events().stream().anyMatch(e -> e.name().equals("QueueParams")
                && "support".equals(e.get("Queue"))), queues.events().toString());
        assertEquals("QueueStatusComplete", queues.completion().name());

        AmiResponse none = client.send(AmiAction.builder("QueueStatus").header("Queue", "nosuchqueue").build());
        assertTrue(none.events().isEmpty());
        assertEquals("0", none.completion().get("ListItems"));

        AmiActionFailedException error = assertThrows(AmiActionFailedException.class, () -> client.send(
                AmiAction.builder("Status").header("Channel", "Local/nonexistent-00000000;1").build()));
        assertEquals("No such channel", error.response().message());
        await().atMost(Duration.ofSeconds(1)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void commandOutputAsLinesInTheModernForm() throws Exception {
        connectAdmin();
        AmiResponse version = client.send(AmiAction.builder("Command").header("Command", "core show version").build());
        assertEquals("Success", version.name());
        assertFalse(version.outputLines().isEmpty());
        assertTrue(version.outputLines().get(0).startsWith("Asterisk"), version.outputLines().toString());
        AmiResponse dialplan = client.send(AmiAction.builder("Command").header("Command", "dialplan show demo").build());
        assertTrue(dialplan.outputLines().size() > 3, dialplan.outputLines().toString());
    }

    @Test
    void commandOutputAsLinesInTheLegacyFollowsForm() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).commandStyle(CommandStyle.LEGACY).build());
        connectAdmin();
        AmiResponse version = client.send(AmiAction.builder("Command").header("Command", "core show version").build());
        assertEquals("Follows", version.name());
        assertTrue(version.isSuccess(), "Response: Follows is a success");
        assertFalse(version.outputLines().isEmpty());
        assertTrue(version.outputLines().get(0).startsWith("Asterisk"), version.outputLines().toString());
        assertFalse(version.outputLines().contains("--END COMMAND--"));
        // The session goes on after the raw body.
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
    }

    @Test
    void actionTimeoutsSyncAndAsyncLeaveTheSessionOpen() throws Exception {
        connectAdmin();
        simulator.delayResponses(Duration.ofMillis(800));
        long started = System.nanoTime();
        AmiTimeoutException sync = assertThrows(AmiTimeoutException.class,
                () -> client.send(AmiAction.of("Ping"), Duration.ofMillis(100)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis < 600, "timed out after " + tookMillis + " ms");
        assertTrue(sync.getMessage().contains("Ping") && sync.getMessage().contains(client.server())
                && sync.getMessage().contains("100 ms"), sync.getMessage());

        CompletableFuture<AmiResponse> async = client.sendAsync(AmiAction.of("Ping"), Duration.ofMillis(150));
        ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(2, TimeUnit.SECONDS));
        assertInstanceOf(AmiTimeoutException.class, e.getCause());

        simulator.delayResponses(Duration.ZERO);
        assertTrue(client.isConnected());
        assertTrue(client.send(AmiAction.of("Ping"), Duration.ofSeconds(5)).isSuccess());
        await().atMost(Duration.ofSeconds(2)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void crLfInjectionIsRefusedBeforeAnythingIsWritten() throws Exception {
        connectAdmin();
        long before = simulator.actionsReceived();
        InvalidHeaderException e = assertThrows(InvalidHeaderException.class, () -> client.send(
                AmiAction.builder("Originate").header("Channel", "Local/100@demo")
                        .header("CallerID", "\"Evil\" <1>\r\nAction: Command\r\nCommand: core stop now").build()));
        assertTrue(e.getMessage().contains("CallerID"), e.getMessage());
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Ping").header("X\nAction", "Command"));
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        assertEquals(before + 1, simulator.actionsReceived(), "only the Ping reached the server");
        assertEquals(0, simulator.actionsReceived("Command"));
    }

    @Test
    void asyncOriginateCompletesWithItsOriginateResponseEvent() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).events("on").build(), listener);
        AmiEvent originated = client.sendAndAwaitEvent(AmiAction.builder("Originate")
                .header("Channel", "Local/100@demo").header("Application", "Wait").header("Data", "1")
                .header("Async", "true").build(), "OriginateResponse", Duration.ofSeconds(10));
        assertEquals("Success", originated.get("Response"));
        assertNotNull(originated.get("ActionID"));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.received("Newchannel"));
        assertTrue(listener.received("OriginateResponse"), "the event also reaches the listener");
        await().atMost(Duration.ofSeconds(2)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void anErrorResponseFailsTheEventWaiterAtOnce() throws Exception {
        simulator = AmiSimulator.start();
        client = AmiClient.connect(config(simulator, "readonly", "ro123").events("on").build(), null);
        CompletableFuture<AmiEvent> refused = client.sendAndAwaitEventAsync(AmiAction.builder("Originate")
                .header("Channel", "Local/100@demo").header("Application", "Wait").header("Data", "1")
                .header("Async", "true").build(), "OriginateResponse", Duration.ofSeconds(30));
        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(2, TimeUnit.SECONDS));
        assertInstanceOf(AmiPermissionDeniedException.class, e.getCause());
        await().atMost(Duration.ofSeconds(1)).until(() -> client.pendingActions() == 0);
    }

    @Test
    void eventsReachTheListenerAndAThrowingListenerDoesNotKillTheSession() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener recorder = new SimulatorClients.RecordingListener();
        AmiClientListener throwing = event -> {
            recorder.onEvent(event);
            throw new IllegalStateException("application bug");
        };
        client = AmiClient.connect(admin(simulator).events("on").build(), throwing);
        simulator.emitEvent("UserEvent", Map.of("UserEvent", "First"));
        simulator.emitEvent("UserEvent", Map.of("UserEvent", "Second"));
        await().atMost(Duration.ofSeconds(2)).until(() -> recorder.events.stream()
                .filter(e -> e.name().equals("UserEvent")).count() == 2);
        assertTrue(client.isConnected());
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
    }

    @Test
    void eventsOffMeansNoEvents() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).events("off").build(), listener);
        simulator.emitEvent("UserEvent", Map.of("UserEvent", "Nobody"));
        // A Ping answered after the emit proves the event would have arrived before it.
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        assertFalse(listener.received("UserEvent"), listener.events.toString());
    }
}
