package io.amira.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one Asterisk has now, as the live view ({@link AmiLiveState}) tracks it: channels, calls,
 * bridges and queues, all taken at the same moment. Immutable and thread-safe; keep it as long as
 * needed, it does not change. When {@link #inSync()} is false the content is the last state the view
 * knew, from before it lost its event connection: show it as such, or wait for the view to resync.
 */
public final class LiveSnapshot {

    private final String server;
    private final boolean inSync;
    private final Instant outOfSyncSince;
    private final Map<String, LiveChannel> channels;
    private final Map<String, LiveCall> calls;
    private final Map<String, LiveBridge> bridges;
    private final Map<String, LiveQueue> queues;

    private LiveSnapshot(String server, boolean inSync, Instant outOfSyncSince, List<LiveChannel> channels,
                         List<LiveCall> calls, List<LiveBridge> bridges, List<LiveQueue> queues) {
        this.server = server;
        this.inSync = inSync;
        this.outOfSyncSince = inSync ? null : outOfSyncSince;
        this.channels = index(channels, LiveChannel::uniqueId);
        this.calls = index(calls, LiveCall::linkedId);
        this.bridges = index(bridges, LiveBridge::id);
        this.queues = index(queues, LiveQueue::name);
    }

    /**
     * A snapshot of these parts, kept in the order given (the live view gives channels and calls
     * oldest first, bridges oldest first, queues by name). For implementations and tests.
     *
     * @param outOfSyncSince when the view stopped being in sync; ignored when {@code inSync}
     */
    public static LiveSnapshot of(String server, boolean inSync, Instant outOfSyncSince, List<LiveChannel> channels,
                                  List<LiveCall> calls, List<LiveBridge> bridges, List<LiveQueue> queues) {
        return new LiveSnapshot(server, inSync, outOfSyncSince, channels, calls, bridges, queues);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>(Math.max(16, items.size() * 4 / 3 + 1));
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The Asterisk ({@code host:port}) this is the state of. */
    public String server() {
        return server;
    }

    /**
     * True when the view was in sync with Asterisk when the snapshot was taken: it had listed
     * everything after its last (re)connect and applied every event since.
     */
    public boolean inSync() {
        return inSync;
    }

    /** When the view stopped being in sync (lost its connection, or was started); empty when in sync. */
    public Optional<Instant> outOfSyncSince() {
        return Optional.ofNullable(outOfSyncSince);
    }

    /** Every channel, oldest first. */
    public List<LiveChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** The channel with this {@code Uniqueid}. */
    public Optional<LiveChannel> channel(String uniqueId) {
        return Optional.ofNullable(channels.get(uniqueId));
    }

    /** The channel with this name (e.g. {@code PJSIP/1001-00000012}). */
    public Optional<LiveChannel> channelNamed(String name) {
        return channels.values().stream().filter(channel -> channel.name().equals(name)).findFirst();
    }

    /** Every call, oldest first. */
    public List<LiveCall> calls() {
        return List.copyOf(calls.values());
    }

    /** The call with this {@code Linkedid}. */
    public Optional<LiveCall> call(String linkedId) {
        return Optional.ofNullable(calls.get(linkedId));
    }

    /** Every bridge. */
    public List<LiveBridge> bridges() {
        return List.copyOf(bridges.values());
    }

    /** The bridge with this {@code BridgeUniqueid}. */
    public Optional<LiveBridge> bridge(String id) {
        return Optional.ofNullable(bridges.get(id));
    }

    /** Every queue, by name. */
    public List<LiveQueue> queues() {
        return List.copyOf(queues.values());
    }

    /** The queue with this name, e.g. {@code live.snapshot().queue("support").map(LiveQueue::waiting)}. */
    public Optional<LiveQueue> queue(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    @Override
    public String toString() {
        return "LiveSnapshot[" + server + (inSync ? ", in sync" : ", NOT in sync since " + outOfSyncSince) + ", "
                + channels.size() + " channels, " + calls.size() + " calls, " + bridges.size() + " bridges, "
                + queues.size() + " queues]";
    }
}
