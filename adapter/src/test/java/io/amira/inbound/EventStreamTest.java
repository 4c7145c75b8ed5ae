package io.amira.inbound;

import io.amira.work.WorkManagerExecutor;
import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static io.amira.inbound.TestEvents.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection lifecycle with a scripted session factory (no sockets). */
class EventStreamTest {

    private final TestWorkManager workManager = new TestWorkManager();
    private final List<AmiEvent> delivered = new CopyOnWriteArrayList<>();
    private final TestEndpointFactory endpoints = new TestEndpointFactory("stream-test", delivered::add);
    private final ScriptedSessions sessions = new ScriptedSessions();

    @AfterEach
    void closeWorkManager() throws InterruptedException {
        workManager.close();
    }

    private EventStream stream(AmiActivationSpec spec) {
        spec.setReconnectInitialDelayMillis(10L);
        spec.setReconnectMaxDelayMillis(40L);
        InboundConfig config = spec.inboundConfig();
        AmiClientConfig settings = AmiClientConfig.builder().username("admin").secret("amp111").build();
        OrderedDispatcher dispatcher = new OrderedDispatcher("stream-test", config.ordering(), config.concurrency(),
                config.bufferCapacityBytes(), config.lifecycleEvents(), WorkManagerExecutor.shortTasks(workManager),
                new EndpointTarget(endpoints, "stream-test"));
        return new EventStream("stream-test", settings, config, sessions, WorkManagerExecutor.longTasks(workManager, true), dispatcher);
    }

    private List<String> names() {
        return delivered.stream().map(AmiEvent::name).toList();
    }

    @Test
    void connectsRetriesAndAnnouncesEveryChange() {
        sessions.failures.set(2);
        EventStream stream = stream(new AmiActivationSpec());
        stream.start();

        await().until(() -> names().contains(AmiLifecycleEvents.CONNECTED));
        assertEquals(3, sessions.attempts.get());
        assertEquals(2, sessions.failedAttempts.get());
        sessions.last().emit(event("Newchannel", "Linkedid", "1.1"));
        await().until(() -> names().contains("Newchannel"));

        sessions.last().die(new IOException("connection reset"));
        await().until(() -> names().contains(AmiLifecycleEvents.RECONNECTED));
        AmiEvent disconnected = delivered.stream().filter(e -> e.name().equals(AmiLifecycleEvents.DISCONNECTED)).findFirst().orElseThrow();
        assertEquals("connection reset", disconnected.get(AmiLifecycleEvents.CAUSE));
        assertEquals("127.0.0.1:5038", disconnected.get(AmiLifecycleEvents.SERVER));
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, "Newchannel", AmiLifecycleEvents.DISCONNECTED,
                AmiLifecycleEvents.RECONNECTED), names());
        assertTrue(stream.isConnected());

        stream.stop();
        assertTrue(sessions.last().closed);
    }

    @Test
    void eventsSentDuringLoginComeAfterTheConnectedNotification() {
        sessions.eventDuringOpen = event("FullyBooted", "Privilege", "system,all");
        EventStream stream = stream(new AmiActivationSpec());
        stream.start();

        await().until(() -> delivered.size() == 2);
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, "FullyBooted"), names());
        stream.stop();
    }

    @Test
    void aSessionLostRightAfterItsFirstEventIsAnnouncedAsLostAndReconnected() {
        sessions.eventDuringOpen = event("FullyBooted", "Privilege", "system,all");
        sessions.dieDuringOpen.set(1);
        EventStream stream = stream(new AmiActivationSpec());
        stream.start();

        await().until(() -> delivered.size() == 5);
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, "FullyBooted", AmiLifecycleEvents.DISCONNECTED,
                AmiLifecycleEvents.RECONNECTED, "FullyBooted"), names());
        stream.stop();
    }

    @Test
    void theFilterDecidesWhatReachesTheBean() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventNames("Hangup");
        spec.setLifecycleEvents(false);
        EventStream stream = stream(spec);
        stream.start();
        await().until(stream::isConnected);

        sessions.last().emit(event("Newchannel", "Linkedid", "1.1"));
        sessions.last().emit(event("Hangup", "Linkedid", "1.1"));
        await().until(() -> delivered.size() == 1);
        assertEquals(List.of("Hangup"), names());
        assertEquals("on", sessions.lastFilter.loginEventMask());
        stream.stop();
    }

    @Test
    void stopWhileReconnectingEndsTheLoopAndOpensNothingMore() {
        sessions.failures.set(Integer.MAX_VALUE);
        EventStream stream = stream(new AmiActivationSpec());
        stream.start();
        await().until(() -> sessions.attempts.get() >= 3);

        stream.stop();
        int attempts = sessions.attempts.get();
        await().until(() -> workManager.running() == 0);
        assertEquals(attempts, sessions.attempts.get());
    }

    /** Opens fake sessions; fails the first {@code failures} attempts. */
    static final class ScriptedSessions implements EventSession.Factory {
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final List<FakeSession> opened = new CopyOnWriteArrayList<>();
        volatile EventFilter lastFilter;
        volatile AmiEvent eventDuringOpen;
        final AtomicInteger dieDuringOpen = new AtomicInteger();

        @Override
        public EventSession open(AmiClientConfig settings, EventFilter filter, EventSession.Listener listener,
                                 Executor readerExecutor) throws IOException {
            attempts.incrementAndGet();
            lastFilter = filter;
            if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                failedAttempts.incrementAndGet();
                throw new IOException("Connection refused");
            }
            FakeSession session = new FakeSession(listener);
            opened.add(session);
            if (eventDuringOpen != null) {
                session.emit(eventDuringOpen);
            }
            if (dieDuringOpen.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                session.die(new IOException("reset during login"));
            }
            return session;
        }

        FakeSession last() {
            return opened.get(opened.size() - 1);
        }
    }

    static final class FakeSession implements EventSession {
        final Listener listener;
        volatile boolean closed;

        FakeSession(Listener listener) {
            this.listener = listener;
        }

        void emit(AmiEvent event) {
            listener.onEvent(event);
        }

        void die(Exception cause) {
            listener.onDisconnect(cause);
        }

        @Override
        public String server() {
            return "127.0.0.1:5038";
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
