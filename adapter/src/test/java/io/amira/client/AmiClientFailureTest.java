package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiResponse;
import io.amira.simulator.AmiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.amira.client.SimulatorClients.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiClientFailureTest {

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

    @Test
    void aReadingTaskThatDoesNotStartFailsTheConnectWithinItsTimeoutNamingTheExecutor() throws Exception {
        simulator = AmiSimulator.start();
        List<Runnable> queued = new ArrayList<>();
        Executor outOfThreads = new Executor() {
            @Override
            public void execute(Runnable task) {
                queued.add(task);
            }

            @Override
            public String toString() {
                return "the WorkManager 'small'";
            }
        };
        long started = System.nanoTime();

        AmiConnectException e = assertThrows(AmiConnectException.class, () -> AmiClient.connect(
                admin(simulator).connectTimeout(Duration.ofMillis(500)).build(), null, outOfThreads));

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis >= 500 && tookMillis < 1500, "failed after " + tookMillis + " ms");
        assertTrue(e.getMessage().contains("did not start within 500 ms")
                && e.getMessage().contains("the WorkManager 'small' has no thread free"), e.getMessage());
        assertEquals(1, queued.size());
        queued.get(0).run(); // a thread frees up later: the stale task ends at once
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.activeSessions() == 0);
    }

    @Test
    void socketDropFailsEveryPendingActionWithinOneSecond() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).build(), listener);
        simulator.delayResponses(Duration.ofSeconds(30));
        List<CompletableFuture<AmiResponse>> pending = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pending.add(client.sendAsync(AmiAction.of("Ping"), Duration.ofSeconds(30)));
        }
        // The simulator holds each delayed answer back; at least one Ping is on the server.
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.actionsReceived("Ping") >= 1);
        assertEquals(200, client.pendingActions());

        long dropped = System.nanoTime();
        simulator.dropAllConnections();
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).handle((r, e) -> null)
                .get(1, TimeUnit.SECONDS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
        assertTrue(tookMillis < 1000, "pending actions failed after " + tookMillis + " ms");
        for (CompletableFuture<AmiResponse> future : pending) {
            ExecutionException e = assertThrows(ExecutionException.class, future::get);
            AmiConnectionLostException lost = assertInstanceOf(AmiConnectionLostException.class, e.getCause());
            assertTrue(lost.getMessage().contains("Ping") && lost.getMessage().contains(client.server()),
                    lost.getMessage());
        }
        assertFalse(client.isConnected());
        await().atMost(Duration.ofSeconds(1)).until(() -> listener.disconnects.size() == 1);
        assertThrows(AmiConnectionLostException.class, () -> client.send(AmiAction.of("Ping")),
                "a dead session refuses new actions at once");
        assertEquals(1, listener.disconnects.size(), "onDisconnect is called once");
    }

    @Test
    void aSocketDropWakesEveryCallerBlockedInSendWithinOneSecond() throws Exception {
        simulator = AmiSimulator.start();
        client = AmiClient.connect(admin(simulator).build(), null);
        simulator.delayResponses(Duration.ofSeconds(30));
        int callers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(threads.submit(() -> {
                    try {
                        client.send(AmiAction.of("Ping"), Duration.ofSeconds(30));
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> client.pendingActions() == callers);

            long dropped = System.nanoTime();
            simulator.dropAllConnections();
            for (Future<Throwable> outcome : outcomes) {
                Throwable failure = outcome.get(1, TimeUnit.SECONDS);
                AmiConnectionLostException lost = assertInstanceOf(AmiConnectionLostException.class, failure);
                assertTrue(lost.getMessage().contains("Ping") && lost.getMessage().contains(client.server()),
                        lost.getMessage());
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
            assertTrue(tookMillis < 1000, "callers blocked in send() failed after " + tookMillis + " ms");
            assertEquals(0, client.pendingActions());
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS), "caller threads ended");
        }
    }

    @Test
    void aHungServerIsDeclaredDeadByKeepalive() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).keepAliveInterval(Duration.ofMillis(200))
                .keepAliveTimeout(Duration.ofMillis(300)).build(), listener);
        // Idle but alive: keepalive Pings are answered and the session stays up.
        await().atMost(Duration.ofSeconds(3)).until(() -> simulator.actionsReceived("Ping") >= 2);
        assertTrue(client.isConnected());

        simulator.hang(true);
        CompletableFuture<AmiResponse> stuck = client.sendAsync(AmiAction.of("Ping"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(3)).until(() -> !listener.disconnects.isEmpty());
        assertFalse(client.isConnected());
        assertTrue(listener.disconnects.get(0).getMessage().contains("keepalive"),
                listener.disconnects.get(0).getMessage());
        ExecutionException e = assertThrows(ExecutionException.class, () -> stuck.get(1, TimeUnit.SECONDS));
        assertInstanceOf(AmiConnectionLostException.class, e.getCause());
        simulator.hang(false);
    }

    @Test
    void closeLeavesNoReaderThreadBehind() throws Exception {
        simulator = AmiSimulator.start();
        AmiClient own = AmiClient.connect(admin(simulator).build(), null);
        assertTrue(readerThreads() >= 1);
        own.close();
        await().atMost(Duration.ofSeconds(1)).until(() -> readerThreads() == 0);

        AtomicInteger running = new AtomicInteger();
        Executor executor = task -> {
            Thread thread = new Thread(() -> {
                running.incrementAndGet();
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            }, "test-work-manager");
            thread.start();
        };
        AmiClient managed = AmiClient.connect(admin(simulator).build(), null, executor);
        assertEquals(1, running.get());
        managed.close();
        await().atMost(Duration.ofSeconds(1)).until(() -> running.get() == 0);
        await().atMost(Duration.ofSeconds(2)).until(() -> simulator.activeSessions() == 0);
    }

    @Test
    void closeFailsWhatIsStillPendingAndDoesNotCallOnDisconnect() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).build(), listener);
        simulator.hang(true);
        CompletableFuture<AmiResponse> pending = client.sendAsync(AmiAction.of("Ping"), Duration.ofSeconds(30));
        long started = System.nanoTime();
        client.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 2500, "close is bounded");
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
        assertTrue(listener.disconnects.isEmpty());
        simulator.hang(false);
    }

    @Test
    void theListenerMayCloseTheClientButNotWaitOnItsOwnThread() throws Exception {
        simulator = AmiSimulator.start();
        java.util.concurrent.atomic.AtomicReference<AmiClient> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> sendFailure = new java.util.concurrent.atomic.AtomicReference<>();
        AmiClientListener closer = event -> {
            if (!"UserEvent".equals(event.name())) {
                return;
            }
            try {
                self.get().send(AmiAction.of("Ping"));
            } catch (Throwable e) {
                sendFailure.set(e);
            }
            self.get().close();
        };
        client = AmiClient.connect(admin(simulator).events("on").build(), closer);
        self.set(client);
        simulator.emitEvent("UserEvent", java.util.Map.of("UserEvent", "CloseNow"));
        await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
        assertInstanceOf(IllegalStateException.class, sendFailure.get());
        assertTrue(sendFailure.get().getMessage().contains("sendAsync"), sendFailure.get().getMessage());
        await().atMost(Duration.ofSeconds(1)).until(() -> readerThreads() == 0);
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("amira-ami-reader-") && t.isAlive()).count();
    }
}
