package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.LiveSnapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the live view's tracker costs (docs/PERFORMANCE.md, "Live view"): events/s it applies on the
 * reading thread, and heap per tracked channel. Events carry the headers of Asterisk 22's (14 per
 * channel event, as in the transcripts). Each round applies the 12 events of {@code bench.calls}
 * two-party bridged calls, {@code bench.concurrent} calls at a time (every call's Newchannel x2,
 * Newstate x2, BridgeCreate, BridgeEnter x2, BridgeLeave x2, BridgeDestroy, Hangup x2), to a fresh,
 * synced tracker; events are built before the timing. Then {@code bench.channels} channels are
 * held and the heap measured after a GC, and five snapshots of them all are timed, each after a change. Run in the
 * package of the tracker (package-private), from the benchmarks jar:
 * {@code java -cp bench/target/benchmarks.jar io.amira.live.LiveTrackerBench}.
 */
public final class LiveTrackerBench {

    private static final String SERVER = "127.0.0.1:5038";
    /** Held: the log manager keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger LIVE_LOG = Logger.getLogger("io.amira.live");

    private LiveTrackerBench() {
    }

    public static void main(String[] args) {
        LIVE_LOG.setLevel(Level.WARNING);
        int calls = Integer.getInteger("bench.calls", 10_000);
        int concurrent = Integer.getInteger("bench.concurrent", 200);
        int rounds = Integer.getInteger("bench.rounds", 10);
        int channels = Integer.getInteger("bench.channels", 100_000);
        System.out.printf("Live tracker, %d CPUs, Java %s, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        List<AmiEvent> events = traffic(calls, concurrent);
        System.out.println("| round | events | ms | events/s |");
        for (int round = 1; round <= rounds; round++) {
            Tracker tracker = synced();
            long start = System.nanoTime();
            for (AmiEvent event : events) {
                tracker.onEvent(1, event);
            }
            long nanos = System.nanoTime() - start;
            if (!tracker.snapshot().channels().isEmpty()) {
                throw new IllegalStateException("calls left over: " + tracker.snapshot());
            }
            System.out.printf(Locale.ROOT, "| %d | %,d | %.1f | %,.0f |%n", round, events.size(), nanos / 1e6,
                    events.size() * 1e9 / nanos);
        }
        events = null;
        heldChannels(channels);
    }

    private static void heldChannels(int channels) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Tracker tracker = synced();
        long before = usedAfterGc(memory);
        for (int i = 0; i < channels; i += 2) {
            String linkedId = uniqueId(i);
            for (int leg = 0; leg < 2; leg++) {
                tracker.onEvent(1, channelEvent("Newchannel", i + leg, linkedId, "0"));
                tracker.onEvent(1, channelEvent("Newstate", i + leg, linkedId, "6"));
            }
        }
        long after = usedAfterGc(memory);
        LiveSnapshot snapshot = tracker.snapshot();
        System.out.printf(Locale.ROOT, "%,d channels (%,d calls) held: %,d bytes of heap, %d bytes per channel%n",
                snapshot.channels().size(), snapshot.calls().size(), after - before, (after - before) / channels);
        for (int i = 1; i <= 5; i++) {
            tracker.onEvent(1, channelEvent("Newstate", 0, uniqueId(0), i % 2 == 0 ? "6" : "5"));
            long start = System.nanoTime();
            snapshot = tracker.snapshot();
            System.out.printf(Locale.ROOT, "snapshot %d of %,d channels after a change: %.1f ms%n", i,
                    snapshot.channels().size(), (System.nanoTime() - start) / 1e6);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Tracker synced() {
        Tracker tracker = new Tracker(SERVER, Clock.systemUTC(), new Notifier(SERVER, Runnable::run));
        long session = tracker.beginSession();
        tracker.resync(session, List.of(), List.of(), List.of());
        return tracker;
    }

    private static List<AmiEvent> traffic(int calls, int concurrent) {
        List<AmiEvent> events = new ArrayList<>(calls * 12);
        for (int first = 0; first < calls; first += concurrent) {
            int last = Math.min(calls, first + concurrent);
            for (int call = first; call < last; call++) {
                String linkedId = uniqueId(2 * call);
                events.add(channelEvent("Newchannel", 2 * call, linkedId, "0"));
                events.add(channelEvent("Newchannel", 2 * call + 1, linkedId, "0"));
            }
            for (int call = first; call < last; call++) {
                String linkedId = uniqueId(2 * call);
                events.add(channelEvent("Newstate", 2 * call + 1, linkedId, "6"));
                events.add(channelEvent("Newstate", 2 * call, linkedId, "6"));
                events.add(bridgeEvent("BridgeCreate", call, null, null));
                events.add(bridgeEvent("BridgeEnter", call, 2 * call, linkedId));
                events.add(bridgeEvent("BridgeEnter", call, 2 * call + 1, linkedId));
            }
            for (int call = first; call < last; call++) {
                String linkedId = uniqueId(2 * call);
                events.add(bridgeEvent("BridgeLeave", call, 2 * call, linkedId));
                events.add(bridgeEvent("BridgeLeave", call, 2 * call + 1, linkedId));
                events.add(bridgeEvent("BridgeDestroy", call, null, null));
                events.add(channelEvent("Hangup", 2 * call, linkedId, "6"));
                events.add(channelEvent("Hangup", 2 * call + 1, linkedId, "6"));
            }
        }
        return events;
    }

    private static AmiEvent channelEvent(String name, int channel, String linkedId, String state) {
        return channelHeaders(AmiEvent.builder(name).server(SERVER).header("Privilege", "call,all"), channel, linkedId, state)
                .build();
    }

    private static AmiEvent.Builder channelHeaders(AmiEvent.Builder event, int channel, String linkedId, String state) {
        return event.header("Channel", "PJSIP/" + (1000 + channel % 2) + "-" + String.format("%08x", channel))
                .header("ChannelState", state).header("ChannelStateDesc", "6".equals(state) ? "Up" : "Down")
                .header("CallerIDNum", "1001").header("CallerIDName", "Alice")
                .header("ConnectedLineNum", "1002").header("ConnectedLineName", "Bob")
                .header("Language", "en").header("AccountCode", "").header("Context", "demo")
                .header("Exten", "200").header("Priority", "1")
                .header("Uniqueid", uniqueId(channel)).header("Linkedid", linkedId);
    }

    private static AmiEvent bridgeEvent(String name, int call, Integer channel, String linkedId) {
        AmiEvent.Builder event = AmiEvent.builder(name).server(SERVER).header("Privilege", "call,all")
                .header("BridgeUniqueid", "b" + call + "-7c3e-4f6a-9d1b-2a5e8f0c4b7d").header("BridgeType", "basic")
                .header("BridgeTechnology", "simple_bridge").header("BridgeCreator", "<unknown>")
                .header("BridgeName", "<unknown>").header("BridgeNumChannels", "0").header("BridgeVideoSourceMode", "none");
        return (channel == null ? event : channelHeaders(event, channel, linkedId, "6")).build();
    }

    private static String uniqueId(int channel) {
        return "1764170000." + channel;
    }
}
