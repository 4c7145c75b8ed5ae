package io.amira.it.storm.recorder;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test-only: what one receiver saw of AMI events, per ordering lane, compact enough for storms of
 * hundreds of thousands of events. A lane is the adapter's per-call key (Linkedid, else Uniqueid,
 * else Channel); events without one that name a call in {@code DestLinkedid} or
 * {@code LocalOneLinkedid} (DialBegin, DialEnd, LocalBridge) are kept as {@code ~Linkedid}, the
 * rest under the empty key. Per lane: how many events and an order-sensitive digest of their
 * contents, so two receivers agree on a lane only when they saw the same events in the same order.
 * The driver keeps one for the wire, {@link DeliveryRecorder} one for the MDB.
 */
public final class CallLedger {

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder lostNotices = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAccumulator lastMicros = new LongAccumulator(Long::max, 0);

    /** Records one event as received now. */
    public void add(AmiEvent event) {
        long now = epochMicros(Instant.now());
        if (event.isLifecycle()) {
            if (AmiLifecycleEvents.EVENTS_LOST.equals(event.name())) {
                lostNotices.increment();
                lost.add(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
            } else {
                connects.increment();
            }
            return;
        }
        events.increment();
        bytes.add(wireBytes(event));
        lastMicros.accumulate(now);
        int hash = contentHash(event);
        lanes.compute(key(event), (k, lane) -> (lane == null ? new Lane() : lane).add(hash, now));
    }

    public Lane lane(String key) {
        return lanes.get(key);
    }

    public long events() { return events.sum(); }
    public long bytes() { return bytes.sum(); }
    public long lost() { return lost.sum(); }
    public long lostNotices() { return lostNotices.sum(); }
    /** Amira.Connected / Reconnected / Disconnected notifications. */
    public long connectionNotices() { return connects.sum(); }
    public long lastMicros() { return lastMicros.get(); }

    /** The ledger as text: a summary line, then one line per lane ({@link #parse} reads it back). */
    public String render() {
        StringBuilder text = new StringBuilder(64 * lanes.size() + 128)
                .append(events()).append('\t').append(bytes()).append('\t').append(lost()).append('\t')
                .append(lostNotices()).append('\t').append(connectionNotices()).append('\t').append(lastMicros()).append('\n');
        lanes.forEach((key, lane) -> {
            synchronized (lane) {
                text.append(key).append('\t').append(lane.count).append('\t').append(lane.digest).append('\t')
                        .append(lane.firstMicros).append('\t').append(lane.lastMicros).append('\n');
            }
        });
        return text.toString();
    }

    /** Reads what {@link #render()} wrote. */
    public static Snapshot parse(String text) {
        String[] lines = text.split("\n");
        String[] head = lines[0].split("\t");
        Map<String, Lane> lanes = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            Lane lane = new Lane();
            lane.count = Integer.parseInt(f[1]);
            lane.digest = Long.parseLong(f[2]);
            lane.firstMicros = Long.parseLong(f[3]);
            lane.lastMicros = Long.parseLong(f[4]);
            lanes.put(f[0], lane);
        }
        return new Snapshot(Long.parseLong(head[0]), Long.parseLong(head[1]), Long.parseLong(head[2]),
                Long.parseLong(head[3]), Long.parseLong(head[4]), Long.parseLong(head[5]), lanes);
    }

    /** A ledger read back from text. */
    public record Snapshot(long events, long bytes, long lost, long lostNotices, long connectionNotices, long lastMicros,
                           Map<String, Lane> lanes) {
        public Lane lane(String key) {
            return lanes.get(key);
        }
    }

    /** The ordering lane of an event as the adapter keys it, or {@code ~Linkedid} / empty (see the class comment). */
    public static String key(AmiEvent event) {
        String key = firstPresent(event.linkedId(), event.uniqueId(), event.channel());
        if (key != null) {
            return key;
        }
        String linked = firstPresent(event.get("DestLinkedid"), event.get("LocalOneLinkedid"));
        return linked == null ? "" : "~" + linked;
    }

    /** The packet's size on the wire: every {@code Name: value} line with its CR LF, and the closing CR LF. */
    public static int wireBytes(AmiEvent event) {
        int size = 2;
        for (int i = 0; i < event.size(); i++) {
            size += event.headerName(i).length() + 2 + event.headerValue(i).length() + 2;
        }
        return size;
    }

    public static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static int contentHash(AmiEvent event) {
        int hash = 1;
        for (int i = 0; i < event.size(); i++) {
            hash = 31 * hash + event.headerName(i).hashCode();
            hash = 31 * hash + event.headerValue(i).hashCode();
        }
        return hash;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** One lane: how many events, their digest in order, when the first and the last arrived. */
    public static final class Lane {
        private int count;
        private long digest;
        private long firstMicros;
        private long lastMicros;

        synchronized Lane add(int hash, long micros) {
            if (count == 0) {
                firstMicros = micros;
            }
            count++;
            digest = digest * 1_000_003 + hash;
            lastMicros = micros;
            return this;
        }

        public int count() { return count; }
        public long digest() { return digest; }
        public long firstMicros() { return firstMicros; }
        public long lastMicros() { return lastMicros; }

        public boolean sameEvents(Lane other) {
            return other != null && count == other.count && digest == other.digest;
        }
    }
}
