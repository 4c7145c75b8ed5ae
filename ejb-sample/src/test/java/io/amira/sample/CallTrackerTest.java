package io.amira.sample;

import io.amira.api.AmiEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final CallTracker tracker = new CallTracker(clock);

    @Test
    void newChannelsOfOneLinkedidFormOneCall() {
        tracker.apply(event("Newchannel", "Local/100@demo-1;1", "L1", "U1", "Down", "1234", "AMI Test"));
        tracker.apply(event("Newchannel", "Local/100@demo-1;2", "L1", "U2", "Ring", "", ""));

        List<CallTracker.ActiveCall> calls = tracker.activeCalls();
        assertEquals(1, calls.size());
        assertEquals("L1", calls.get(0).linkedId());
        assertEquals(Map.of("Local/100@demo-1;1", "Down", "Local/100@demo-1;2", "Ring"), calls.get(0).channelStates());
        assertEquals("AMI Test <1234>", calls.get(0).callerId());
    }

    @Test
    void stateChangesAreTracked() {
        tracker.apply(event("Newchannel", "SIP/a-1", "L1", "U1", "Down", "", ""));
        tracker.apply(event("Newstate", "SIP/a-1", "L1", "U1", "Ringing", "", ""));
        tracker.apply(event("Newstate", "SIP/a-1", "L1", "U1", "Up", "", ""));

        assertEquals("Up", tracker.activeCalls().get(0).channelStates().get("SIP/a-1"));
    }

    @Test
    void callEndsWithItsLastChannelAndReportsCauseInWords() {
        tracker.apply(event("Newchannel", "Local/100@demo-1;1", "L1", "U1", "Down", "1234", ""));
        tracker.apply(event("Newchannel", "Local/100@demo-1;2", "L1", "U2", "Ring", "", ""));
        clock.advance(Duration.ofSeconds(3));

        Optional<CallTracker.EndedCall> first = tracker.apply(hangup("Local/100@demo-1;2", "L1", "16", "Normal Clearing"));
        Optional<CallTracker.EndedCall> last = tracker.apply(hangup("Local/100@demo-1;1", "L1", "16", "Normal Clearing"));

        assertTrue(first.isEmpty());
        assertTrue(last.isPresent());
        assertEquals("Normal Clearing", last.get().cause());
        assertEquals(Duration.ofSeconds(3), last.get().duration());
        assertEquals("1234", last.get().callerId());
        assertTrue(tracker.activeCalls().isEmpty());
    }

    @Test
    void causeFallsBackToTheNumberWithoutCauseText() {
        assertEquals("cause 17", CallTracker.causeInWords(hangup("SIP/a-1", "L1", "17", null)));
    }

    @Test
    void concurrentCallsAreKeptApart() {
        for (int i = 0; i < 50; i++) {
            tracker.apply(event("Newchannel", "SIP/a-" + i, "L" + i, "U" + i, "Up", "10" + i, ""));
        }
        List<Optional<CallTracker.EndedCall>> ended = new ArrayList<>();
        for (int i = 0; i < 50; i += 2) {
            ended.add(tracker.apply(hangup("SIP/a-" + i, "L" + i, "17", "User busy")));
        }

        assertTrue(ended.stream().allMatch(Optional::isPresent));
        assertEquals(25, tracker.activeCalls().size());
        assertTrue(tracker.activeCalls().stream().allMatch(call -> Integer.parseInt(call.linkedId().substring(1)) % 2 == 1));
    }

    @Test
    void callsUpdatedFromManyThreadsAtOnceAllEndWhileTheBoardIsRead() throws Exception {
        int threads = 8;
        int callsPerThread = 500;
        AtomicInteger ended = new AtomicInteger();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> feeders = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // As the adapter delivers (ordering=call): each call's events in order on one thread at a
                // time, different calls on different threads at once.
                feeders.add(pool.submit(() -> {
                    awaitQuietly(start);
                    for (int c = 0; c < callsPerThread; c++) {
                        String call = "L" + thread + "-" + c;
                        tracker.apply(event("Newchannel", call + ";1", call, call + "u1", "Down", "", ""));
                        tracker.apply(event("Newchannel", call + ";2", call, call + "u2", "Ring", "", ""));
                        tracker.apply(event("Newstate", call + ";2", call, call + "u2", "Up", "", ""));
                        tracker.apply(hangup(call + ";2", call, "16", "Normal Clearing"));
                        tracker.apply(hangup(call + ";1", call, "16", "Normal Clearing")).ifPresent(e -> ended.incrementAndGet());
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                try {
                    while (feeders.stream().anyMatch(f -> !f.isDone())) {
                        tracker.activeCalls().forEach(call -> assertTrue(call.channelStates().size() <= 2));
                    }
                } catch (Throwable e) {
                    readerFailure.set(e);
                }
            });
            start.countDown();
            for (Future<?> feeder : feeders) {
                feeder.get(30, TimeUnit.SECONDS);
            }
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(null, readerFailure.get());
        assertEquals(threads * callsPerThread, ended.get());
        assertTrue(tracker.activeCalls().isEmpty());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void callsOfTwoPbxsWithTheSameLinkedidAreKeptApart() {
        tracker.apply(onServer("pbx1:5038", event("Newchannel", "SIP/a-1", "1795435516.0", "U1", "Up", "", "")));
        tracker.apply(onServer("pbx2:5038", event("Newchannel", "SIP/b-1", "1795435516.0", "U1", "Up", "", "")));

        assertEquals(2, tracker.activeCalls().size());
        assertTrue(tracker.apply(onServer("pbx2:5038", hangup("SIP/b-1", "1795435516.0", "16", null))).isPresent());
        assertEquals(Map.of("SIP/a-1", "Up"), tracker.activeCalls().get(0).channelStates());
    }

    @Test
    void eventsWithoutAChannelAreIgnored() {
        assertTrue(tracker.apply(AmiEvent.builder("FullyBooted").build()).isEmpty());
        assertTrue(tracker.activeCalls().isEmpty());
    }

    @Test
    void logLineShowsTheCallAtAGlance() {
        String line = EventLines.describe(hangup("Local/100@demo-1;2", "L1", "16", "Normal Clearing"));

        assertEquals("Hangup Local/100@demo-1;2 state=Up cause=Normal Clearing call=L1", line);
    }

    private static AmiEvent event(String name, String channel, String linkedId, String uniqueId, String state,
                                  String callerIdNum, String callerIdName) {
        return AmiEvent.builder(name).header("Privilege", "call,all").header("Channel", channel)
                .header("ChannelStateDesc", state).header("CallerIDNum", callerIdNum).header("CallerIDName", callerIdName)
                .header("Uniqueid", uniqueId).header("Linkedid", linkedId).build();
    }

    private static AmiEvent onServer(String server, AmiEvent event) {
        AmiEvent.Builder copy = AmiEvent.builder(event.name()).server(server);
        for (int i = 0; i < event.size(); i++) {
            if (!event.headerName(i).equals("Event")) {
                copy.header(event.headerName(i), event.headerValue(i));
            }
        }
        return copy.build();
    }

    private static AmiEvent hangup(String channel, String linkedId, String cause, String causeText) {
        AmiEvent.Builder hangup = AmiEvent.builder("Hangup").header("Channel", channel).header("ChannelStateDesc", "Up")
                .header("Uniqueid", channel + "-u").header("Linkedid", linkedId).header("Cause", cause);
        if (causeText != null) {
            hangup.header("Cause-txt", causeText);
        }
        return hangup.build();
    }

    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
