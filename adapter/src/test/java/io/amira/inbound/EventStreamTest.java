package io.amira.inbound;

import io.amira.work.WorkManagerExecutor;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClientConfig;
import io.amira.config.LoginGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    private final LoginGate loginGate = new LoginGate();
    private AmiClientConfig settings = AmiClientConfig.builder().username("admin").secret("amp111").build();

    @AfterEach
    void closeWorkManager() throws InterruptedException {
        workManager.close();
    }

    private EventStream stream(AmiActivationSpec spec) {
        spec.setReconnectInitialDelayMillis(10L);
        spec.setReconnectMaxDelayMillis(40L);
        InboundConfig config = spec.inboundConfig();
        OrderedDispatcher dispatcher = new OrderedDispatcher("stream-test", config.ordering(), config.concurrency(),
                config.bufferCapacityBytes(), config.lifecycleEvents(), WorkManagerExecutor.shortTasks(workManager),
                new EndpointTarget(endpoints, "stream-test"));
        return new EventStream("stream-test", settings, config, sessions, WorkManagerExecutor.longTasks(workManager, true),
                dispatcher, loginGate);
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
        AmiEvent reconnected = delivered.stream().filter(e -> e.name().equals(AmiLifecycleEvents.RECONNECTED)).findFirst().orElseThrow();
        Instant downSince = Instant.parse(reconnected.get(AmiLifecycleEvents.DOWN_SINCE));
        assertTrue(!downSince.isAfter(Instant.now()), "the gap's start: " + downSince);
        assertTrue(Long.parseLong(reconnected.get(AmiLifecycleEvents.DOWN_MILLIS)) >= 0);
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, "Newchannel", AmiLifecycleEvents.DISCONNECTED,
                AmiLifecycleEvents.RECONNECTED), names());
        assertTrue(stream.isConnected());
        assertEquals(EventStream.State.CONNECTED, stream.state());
        assertEquals(1, stream.disconnects());
        assertEquals(1, stream.reconnects());
        assertEquals("connection lost: connection reset", stream.lastError());

        stream.stop();
        assertTrue(sessions.last().closed);
        assertEquals(EventStream.State.STOPPED, stream.state());
    }

    @Test
    void aRefusedLoginIsAnnouncedOnceAndRetriedOnlyAfterTheLongGrowingDelay() {
        settings = settings.toBuilder().authRetryDelay(Duration.ofMillis(300)).authRetryMaxDelay(Duration.ofMillis(600)).build();
        sessions.refusals.set(3);
        EventStream stream = stream(new AmiActivationSpec());
        stream.start();

        await().until(() -> names().contains(AmiLifecycleEvents.AUTHENTICATION_FAILED));
        assertEquals(EventStream.State.AUTHENTICATION_FAILED, stream.state());
        AmiEvent refused = delivered.get(0);
        assertEquals("admin", refused.get(AmiLifecycleEvents.USERNAME));
        assertEquals("300", refused.get(AmiLifecycleEvents.RETRY_MILLIS));
        assertTrue(refused.get(AmiLifecycleEvents.CAUSE).contains("refused"), refused.get(AmiLifecycleEvents.CAUSE));

        await().atMost(Duration.ofSeconds(10)).until(stream::isConnected);
        assertEquals(List.of(AmiLifecycleEvents.AUTHENTICATION_FAILED, AmiLifecycleEvents.CONNECTED), names());
        assertEquals(4, sessions.attempts.get());
        assertEquals(3, stream.loginRefusals());
        List<Long> gaps = sessions.millisBetweenAttempts();
        assertTrue(gaps.get(0) >= 300 && gaps.get(1) >= 600 && gaps.get(2) >= 600,
                "retried after 300 ms, then 600 ms (the maximum): " + gaps);
        stream.stop();
    }

    @Test
    void activationsSharingRefusedCredentialsTryOnlyOneLoginPerInterval() {
        settings = settings.toBuilder().authRetryDelay(Duration.ofMillis(200)).authRetryMaxDelay(Duration.ofMillis(200)).build();
        sessions.refusals.set(Integer.MAX_VALUE);
        List<EventStream> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(stream(new AmiActivationSpec()));
        }
        streams.forEach(EventStream::start);

        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.attempts.get() >= 6);

        // At most the first three logins (one per activation) start before the first refusal closes the
        // gate; every later one waits its turn: one login per 200 ms however many activations wait.
        List<Long> gaps = sessions.millisBetweenAttempts();
        for (int i = 2; i < gaps.size(); i++) {
            assertTrue(gaps.get(i) >= 200, "logins closer than the retry delay: " + gaps);
        }
        // Between its attempts (each a moment of CONNECTING) every stream reports the refusal.
        await().until(() -> streams.stream().allMatch(stream -> stream.state() == EventStream.State.AUTHENTICATION_FAILED));
        streams.forEach(EventStream::stop);
    }

    @Test
    void theStreamCountsWhatItReadsAndWhatTheFilterKeepsFromTheBean() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventNames("Hangup");
        EventStream stream = stream(spec);
        stream.start();
        await().until(stream::isConnected);

        sessions.last().emit(event("Newchannel", "Linkedid", "1.1"));
        sessions.last().emit(event("Hangup", "Linkedid", "1.1"));

        await().until(() -> names().contains("Hangup"));
        assertEquals(2, stream.eventsRead());
        assertEquals(1, stream.eventsFiltered());
        stream.stop();
    }

    @Test
    void connectWorkThatDoesNotStartIsReportedWithinTheConnectTimeout() {
        settings = settings.toBuilder().connectTimeout(Duration.ofMillis(300)).build();
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = new AmiActivationSpec();
        InboundConfig config = spec.inboundConfig();
        OrderedDispatcher dispatcher = new OrderedDispatcher("stream-test", config.ordering(), config.concurrency(),
                config.bufferCapacityBytes(), config.lifecycleEvents(), WorkManagerExecutor.shortTasks(workManager),
                new EndpointTarget(endpoints, "stream-test"));
        Executor noThreads = new Executor() {
            @Override
            public void execute(Runnable task) {
                queued.add(task);
            }

            @Override
            public String toString() {
                return "the WorkManager 'test'";
            }
        };
        EventStream stream = new EventStream("stream-test", settings, config, sessions, noThreads, dispatcher, loginGate);

        long started = System.nanoTime();
        stream.start();

        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(tookMillis >= 300 && tookMillis < 5000, "start waited " + tookMillis + " ms");
        assertEquals(EventStream.State.CONNECTING, stream.state());
        assertTrue(stream.lastError().contains("did not start within 300 ms: the WorkManager 'test' has no thread free"),
                stream.lastError());
        stream.stop();
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
        final AtomicInteger refusals = new AtomicInteger();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final List<FakeSession> opened = new CopyOnWriteArrayList<>();
        volatile EventFilter lastFilter;
        volatile AmiEvent eventDuringOpen;
        final AtomicInteger dieDuringOpen = new AtomicInteger();

        @Override
        public EventSession open(AmiClientConfig settings, EventFilter filter, EventSession.Listener listener,
                                 Executor readerExecutor) throws IOException, AmiAuthenticationException {
            attempts.incrementAndGet();
            attemptNanos.add(System.nanoTime());
            lastFilter = filter;
            if (refusals.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new AmiAuthenticationException("Login to " + settings.server() + " as user '" + settings.username()
                        + "' (MD5) refused: Authentication failed");
            }
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

        List<Long> millisBetweenAttempts() {
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < attemptNanos.size(); i++) {
                gaps.add(Duration.ofNanos(attemptNanos.get(i) - attemptNanos.get(i - 1)).toMillis());
            }
            return gaps;
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
