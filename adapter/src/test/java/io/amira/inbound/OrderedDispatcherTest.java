package io.amira.inbound;

import io.amira.work.WorkManagerExecutor;
import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.log.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.amira.inbound.TestEvents.callEvent;
import static io.amira.inbound.TestEvents.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedDispatcherTest {

    private final TestWorkManager workManager = new TestWorkManager();

    @AfterEach
    void closeWorkManager() throws InterruptedException {
        workManager.close();
    }

    private OrderedDispatcher dispatcher(OrderingMode mode, int concurrency, long capacityBytes, TestEndpointFactory factory) {
        return new OrderedDispatcher("test-activation", mode, concurrency, capacityBytes, true,
                WorkManagerExecutor.shortTasks(workManager), new EndpointTarget(factory, "test-activation"));
    }

    /** Room for about {@code events} of the tests' call events. */
    private static long roomFor(int events) {
        return events * EventSize.of(callEvent(999, 999));
    }

    @Test
    void thousandConcurrentCallsKeepTheirOrderWhileDeliveredInParallel() {
        int calls = 1000;
        int eventsPerCall = 20;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger outOfOrder = new AtomicInteger();
        TestEndpointFactory factory = new TestEndpointFactory("test-activation", event -> {
            List<Integer> sequence = seen.computeIfAbsent(event.linkedId(), k -> new CopyOnWriteArrayList<>());
            int seq = Integer.parseInt(event.get("Seq"));
            if (sequence.size() != seq) {
                outOfOrder.incrementAndGet();
            }
            sequence.add(seq);
            spin(20_000);
        });
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 16, roomFor(calls * eventsPerCall), factory);

        for (int seq = 0; seq < eventsPerCall; seq++) {
            for (int call = 0; call < calls; call++) {
                assertTrue(dispatcher.offer(callEvent(call, seq)));
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.delivered() == (long) calls * eventsPerCall);
        assertEquals(0, outOfOrder.get(), "events delivered out of their call's order");
        assertEquals(calls, seen.size());
        seen.values().forEach(sequence -> assertEquals(eventsPerCall, sequence.size()));
        assertTrue(factory.maxInOnEvent.get() > 1, "calls were not delivered in parallel");
        assertTrue(factory.maxInOnEvent.get() <= 16, "more parallel deliveries than the concurrency");
        await().until(() -> dispatcher.workers() == 0 && factory.outstanding() == 0);
        assertEquals(List.of(), factory.violations);
        assertEquals(factory.beforeCalls.get(), factory.afterCalls.get());
    }

    @Test
    void globalOrderingDeliversEveryEventInOrderOneAtATime() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> seen.add(Integer.parseInt(event.get("Seq"))));
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.GLOBAL, 8, roomFor(10_000), factory);

        for (int i = 0; i < 5000; i++) {
            dispatcher.offer(event("UserEvent", "Uniqueid", "u" + (i % 50), "Seq", Integer.toString(i)));
        }

        await().until(() -> seen.size() == 5000);
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, seen.get(i));
        }
        assertEquals(1, factory.maxInOnEvent.get());
    }

    @Test
    void eventsWithoutCallHeadersShareOneOrderedSequence() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> seen.add(Integer.parseInt(event.get("Seq"))));
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 8, roomFor(10_000), factory);

        for (int i = 0; i < 2000; i++) {
            dispatcher.offer(event("PeerStatus", "Seq", Integer.toString(i)));
        }

        await().until(() -> seen.size() == 2000);
        for (int i = 0; i < 2000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aBeanThatThrowsIsLoggedAndTheStreamGoesOn() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> {
            seen.add(event.get("Seq"));
            if (Integer.parseInt(event.get("Seq")) % 3 == 0) {
                throw new IllegalStateException("bean failure on purpose");
            }
        });
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 4, roomFor(1000), factory);

        for (int seq = 0; seq < 30; seq++) {
            dispatcher.offer(callEvent(7, seq));
        }

        await().until(() -> dispatcher.delivered() + dispatcher.failed() == 30);
        assertEquals(10, dispatcher.failed());
        assertEquals(20, dispatcher.delivered());
        assertEquals(30, seen.size());
        for (int seq = 0; seq < 30; seq++) {
            assertEquals(Integer.toString(seq), seen.get(seq));
        }
        await().until(() -> factory.outstanding() == 0);
        assertEquals(List.of(), factory.violations);
        assertEquals(factory.beforeCalls.get(), factory.afterCalls.get());
    }

    @Test
    void aFullBufferDropsArrivingEventsCountsThemAndAnnouncesTheGap() throws InterruptedException {
        CountDownLatch beanBlocked = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicLong reportedLost = new AtomicLong();
        List<AmiEvent> gaps = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> {
            if (event.name().equals(AmiLifecycleEvents.EVENTS_LOST)) {
                gaps.add(event);
                reportedLost.addAndGet(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
                return;
            }
            awaitQuietly(beanBlocked);
            received.incrementAndGet();
        });
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 2, roomFor(100), factory);

        int sent = 0;
        for (int i = 0; i < 10_000; i++, sent++) {
            dispatcher.offer(callEvent(i % 10, i / 10));
        }
        assertTrue(dispatcher.dropped() > 0);
        beanBlocked.countDown();

        long total = sent;
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() + reportedLost.get() == total);
        assertEquals(dispatcher.dropped(), reportedLost.get());
        assertEquals(1, gaps.size(), "one burst, one gap notification");
        assertEquals(Long.toString(dispatcher.dropped()), gaps.get(0).get(AmiLifecycleEvents.TOTAL_LOST));
        assertEquals("test-activation", gaps.get(0).get(AmiLifecycleEvents.ACTIVATION));
        assertTrue(dispatcher.waiting() == 0);
    }

    @Test
    void overflowAccountingHoldsWhileProducerAndBeanRunTogether() {
        AtomicLong received = new AtomicLong();
        AtomicLong reportedLost = new AtomicLong();
        AtomicInteger gaps = new AtomicInteger();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> {
            if (event.name().equals(AmiLifecycleEvents.EVENTS_LOST)) {
                gaps.incrementAndGet();
                reportedLost.addAndGet(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
            } else {
                spin(50_000);
                received.incrementAndGet();
            }
        });
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 2, roomFor(500), factory);

        long sent = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < end) {
            dispatcher.offer(callEvent((int) (sent % 100), (int) (sent / 100)));
            sent++;
        }

        long total = sent;
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() + reportedLost.get() == total);
        assertTrue(gaps.get() >= 1);
        assertTrue(reportedLost.get() > 0);
        assertEquals(total, dispatcher.received());
    }

    @Test
    void theBufferIsBoundedByTheEventsBytesNotByTheirNumber() {
        List<Runnable> held = new CopyOnWriteArrayList<>(); // workers start only when the test lets them
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> { });
        long capacity = 64 * 1024;
        OrderedDispatcher small = new OrderedDispatcher("a", OrderingMode.CALL, 1, capacity, true, held::add,
                new EndpointTarget(factory, "a"));
        OrderedDispatcher large = new OrderedDispatcher("a", OrderingMode.CALL, 1, capacity, true, held::add,
                new EndpointTarget(factory, "a"));
        String kilobyte = "x".repeat(1024);

        int smallTaken = 0;
        int largeTaken = 0;
        for (int i = 0; i < 10_000; i++) {
            smallTaken += small.offer(callEvent(i % 10, i / 10)) ? 1 : 0;
            largeTaken += large.offer(event("VarSet", "Linkedid", "L" + i % 10, "Value", kilobyte)) ? 1 : 0;
        }

        long largeSize = EventSize.of(event("VarSet", "Linkedid", "L5", "Value", kilobyte));
        assertTrue(largeSize > 1024 && EventSize.of(callEvent(9, 999)) < 300);
        assertEquals(capacity / largeSize, largeTaken, "large events taken: as many as fit");
        assertTrue(smallTaken > 5 * largeTaken, smallTaken + " small events taken");
        for (OrderedDispatcher dispatcher : List.of(small, large)) {
            // full: the next event did not fit
            assertTrue(dispatcher.waitingBytes() <= capacity && dispatcher.waitingBytes() > capacity - largeSize,
                    dispatcher.waitingBytes() + " bytes wait");
            assertEquals(dispatcher.waitingBytes(), dispatcher.peakWaitingBytes());
            assertEquals(10_000, dispatcher.received());
            assertEquals(10_000, dispatcher.dropped() + dispatcher.waiting());
        }

        Executor workers = WorkManagerExecutor.shortTasks(workManager);
        held.forEach(workers::execute);
        await().until(() -> small.waiting() == 0 && large.waiting() == 0);
        assertEquals(0, small.waitingBytes());
        assertEquals(0, large.waitingBytes());
        assertEquals(smallTaken + largeTaken, small.delivered() + large.delivered());
        assertEquals(2, small.notificationsDelivered() + large.notificationsDelivered(), "and one Amira.EventsLost each");
    }

    @Test
    void anEventLargerThanTheWholeBufferIsTakenWhenNothingWaits() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> seen.add(event.get("Seq")));
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 1, 1024, factory);
        String large = "x".repeat(4096);

        assertTrue(dispatcher.offer(event("VarSet", "Linkedid", "L1", "Value", large, "Seq", "0")));
        await().until(() -> seen.size() == 1 && dispatcher.waiting() == 0);
        assertTrue(dispatcher.offer(event("VarSet", "Linkedid", "L1", "Value", large, "Seq", "1")));

        await().until(() -> seen.size() == 2);
        assertEquals(0, dispatcher.dropped());
        assertTrue(dispatcher.peakWaitingBytes() > 4096);
    }

    @Test
    void stopEndsDeliveryAtOnceAndReleasesEveryEndpoint() {
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch inBean = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> {
            deliveries.incrementAndGet();
            inBean.countDown();
            awaitQuietly(letGo);
        });
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.GLOBAL, 1, roomFor(10_000), factory);
        for (int i = 0; i < 1000; i++) {
            dispatcher.offer(callEvent(1, i));
        }
        awaitQuietly(inBean);

        dispatcher.halt(); // what stop() does first; stop() then waits for the delivery in progress
        Thread stopper = new Thread(() -> dispatcher.stop(Duration.ofSeconds(10)));
        stopper.start();
        letGo.countDown();
        await().until(() -> !stopper.isAlive());

        assertEquals(1, deliveries.get(), "a delivery started after stop");
        assertEquals(999, dispatcher.discarded(), "every event that waited when delivery stopped is counted as discarded");
        assertEquals(0, dispatcher.workers());
        assertEquals(0, factory.outstanding());
        assertFalse(dispatcher.offer(callEvent(1, 1000)));
        assertEquals(List.of(), factory.violations);
    }

    @Test
    void aWorkManagerWithoutRoomNeverBlocksTheReaderAndTheNextEventRetries() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> seen.add(event.get("Seq")));
        AtomicInteger refusals = new AtomicInteger(1);
        Executor delegate = WorkManagerExecutor.shortTasks(workManager);
        Executor full = task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("no room, on purpose");
            }
            delegate.execute(task);
        };
        OrderedDispatcher dispatcher = new OrderedDispatcher("a", OrderingMode.CALL, 4, roomFor(100), true, full,
                new EndpointTarget(factory, "a"));

        assertTrue(dispatcher.offer(callEvent(1, 0)));
        assertEquals(0, dispatcher.workers());
        assertTrue(dispatcher.offer(callEvent(1, 1)));

        await().until(() -> seen.size() == 2);
        assertEquals(List.of("0", "1"), seen);
    }

    @Test
    void withoutAnEndpointEventsWaitAtTheHeadOfTheirCallAndDeliveryBacksOff() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> seen.add(event.linkedId() + "/" + event.get("Seq")));
        factory.unavailable.set(4);
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 1, roomFor(1000), factory);

        try (CapturedLog log = CapturedLog.of("io.amira.inbound")) {
            for (int seq = 0; seq < 20; seq++) {
                dispatcher.offer(callEvent(seq % 2, seq / 2));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 20);
            for (int call = 0; call < 2; call++) {
                String prefix = "1700000000." + call + "/";
                List<String> ofCall = seen.stream().filter(s -> s.startsWith(prefix)).toList();
                for (int seq = 0; seq < 10; seq++) {
                    assertEquals(prefix + seq, ofCall.get(seq), "call " + call + " out of order: " + seen);
                }
            }
            List<Long> attempts = factory.createAttemptNanos;
            for (int i = 1; i < 5; i++) {
                long waitedMillis = Duration.ofNanos(attempts.get(i) - attempts.get(i - 1)).toMillis();
                long backoff = OrderedDispatcher.RETRY_INITIAL_MILLIS << (i - 1);
                assertTrue(waitedMillis >= backoff, "attempt " + i + " after " + waitedMillis + " ms, not " + backoff);
            }
            assertEquals(1, log.withId(InboundLog.ENDPOINT_UNAVAILABLE.id()).size(), "one warning per burst: " + log.messages());
            assertEquals(1, log.withId(InboundLog.ENDPOINT_AVAILABLE_AGAIN.id()).size());
        }
        assertEquals(20, dispatcher.delivered());
        assertEquals(0, dispatcher.dropped());
        assertEquals(1, dispatcher.endpointUnavailableBursts());
        assertFalse(dispatcher.endpointUnavailable());
        await().until(() -> factory.outstanding() == 0);
        assertEquals(List.of(), factory.violations);
    }

    @Test
    void stopDuringTheBackoffEndsAtOnceAndCountsWhatWaitedAsDiscarded() {
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> { });
        factory.unavailable.set(Integer.MAX_VALUE);
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 2, roomFor(1000), factory);
        for (int i = 0; i < 50; i++) {
            dispatcher.offer(callEvent(i % 5, i / 5));
        }
        await().until(() -> factory.createAttemptNanos.size() >= 2);

        long started = System.nanoTime();
        assertTrue(dispatcher.stop(Duration.ofSeconds(10)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "stop waited out the backoff");
        assertEquals(50, dispatcher.discarded());
        assertEquals(50, dispatcher.received());
        assertEquals(0, dispatcher.delivered());
        assertEquals(0, dispatcher.workers());
    }

    @Test
    void theDispatcherKnowsHowManyCallsAreInFlight() throws InterruptedException {
        CountDownLatch letGo = new CountDownLatch(1);
        TestEndpointFactory factory = new TestEndpointFactory("a", event -> awaitQuietly(letGo));
        OrderedDispatcher dispatcher = dispatcher(OrderingMode.CALL, 2, roomFor(1000), factory);
        for (int call = 0; call < 7; call++) {
            dispatcher.offer(callEvent(call, 0));
        }
        dispatcher.offer(event("PeerStatus"));

        assertEquals(7, dispatcher.keysInFlight());
        letGo.countDown();
        await().until(() -> dispatcher.keysInFlight() == 0);
        assertEquals(8, dispatcher.delivered());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Busy work standing in for a bean's processing time. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        List<Long> sink = new ArrayList<>(1);
        while (System.nanoTime() < end) {
            sink.clear();
            sink.add(System.nanoTime());
        }
    }
}
