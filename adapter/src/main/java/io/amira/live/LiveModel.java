package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.ChannelState;
import io.amira.api.DeviceState;
import io.amira.api.HangupCause;
import io.amira.api.LiveBridge;
import io.amira.api.LiveCall;
import io.amira.api.LiveCallEnd;
import io.amira.api.LiveChannel;
import io.amira.api.LiveQueue;
import io.amira.api.LiveQueueCaller;
import io.amira.api.LiveQueueMember;
import io.amira.api.LiveSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The tracked state of one Asterisk and how each event changes it. Every event that carries a
 * channel's (or a queue member's) whole state sets that state, whatever the view held before, and a
 * hung-up channel or destroyed bridge is never brought back (its id stays in a {@link Tombstones}).
 * So applying an event twice, or on top of a list that already includes it, ends in the same state:
 * what the resynchronisation relies on. Not thread-safe: the {@link Tracker} serialises access.
 */
final class LiveModel {

    /** Enough ended ids to cover the events still in flight after any list or hangup. */
    private static final int TOMBSTONES = 20_000;
    private static final String OUT_OF_SYNC_END = "the call ended while the live view was not in sync";

    private final Consumer<LiveCallEnd> endedCalls;
    private final Tombstones hungUp = new Tombstones(TOMBSTONES);
    private final Tombstones destroyed = new Tombstones(TOMBSTONES);

    private Map<String, LiveChannel> channels = new LinkedHashMap<>();
    private Map<String, CallRecord> calls = new HashMap<>();
    private Map<String, BridgeRecord> bridges = new LinkedHashMap<>();
    private Map<String, QueueRecord> queues = new TreeMap<>();

    /** During a resync's replay: calls it reported ended, and hangups of channels the lists no longer had. */
    private Set<String> endedInReplay;
    private Map<String, AmiEvent> unseenHangups;

    LiveModel(Consumer<LiveCallEnd> endedCalls) {
        this.endedCalls = endedCalls;
    }

    int channelCount() {
        return channels.size();
    }

    int bridgeCount() {
        return bridges.size();
    }

    int queueCount() {
        return queues.size();
    }

    // ---- events ---------------------------------------------------------------------------------

    /** Applies one event of {@link TrackedEvents#NAMES}; others change nothing. */
    void apply(AmiEvent event, Instant now) {
        switch (event.name()) {
            case "Newchannel", "Newstate", "NewCallerid", "NewConnectedLine" -> upsertChannel(event, now);
            case "Rename" -> rename(event);
            case "Hangup" -> hangup(event, now);
            case "BridgeCreate" -> upsertBridge(event);
            case "BridgeEnter" -> bridgeEnter(event, now);
            case "BridgeLeave" -> bridgeLeave(event, now);
            case "BridgeDestroy" -> bridgeDestroy(event);
            case "QueueCallerJoin" -> callerJoin(event, now);
            case "QueueCallerLeave" -> callerLeave(event);
            case "QueueMemberAdded", "QueueMemberStatus", "QueueMemberPause", "QueueMemberPenalty",
                    "QueueMemberRinginuse" -> upsertMember(event);
            case "QueueMemberRemoved" -> removeMember(event);
            case "AgentConnect" -> agentConnect(event);
            case "AgentComplete" -> agentComplete(event);
            default -> {
                // not tracked
            }
        }
    }

    private LiveChannel upsertChannel(AmiEvent event, Instant now) {
        String uniqueId = event.get("Uniqueid");
        if (uniqueId == null || hungUp.contains(uniqueId)) {
            return null;
        }
        LiveChannel old = channels.get(uniqueId);
        String linkedId = event.get("Linkedid");
        if (linkedId == null || linkedId.isEmpty()) {
            linkedId = old == null ? uniqueId : old.linkedId();
        }
        String name = event.get("Channel");
        ChannelState state = ChannelState.fromHeader(event.get("ChannelState"));
        CallRecord call = callFor(old, linkedId, old == null ? now : old.created());
        if (state == ChannelState.UP && (old == null || old.state() != ChannelState.UP) && call.answered == null) {
            call.answered = now;
        }
        LiveChannel fresh = new LiveChannel(uniqueId, name == null && old != null ? old.name() : name, state,
                event.get("CallerIDNum"), event.get("CallerIDName"), event.get("ConnectedLineNum"),
                event.get("ConnectedLineName"), call.linkedId, old == null ? null : old.bridgeId(),
                old == null ? now : old.created());
        channels.put(uniqueId, fresh);
        return fresh;
    }

    /** The call a channel belongs to now, counting it in (and out of the call it was in, when its Linkedid changed). */
    private CallRecord callFor(LiveChannel old, String linkedId, Instant created) {
        CallRecord call = calls.get(linkedId);
        if (old != null && call != null && old.linkedId().equals(linkedId)) {
            return call;
        }
        if (call == null) {
            call = new CallRecord(linkedId, created, null);
            calls.put(linkedId, call);
        }
        call.live++;
        if (created.isBefore(call.start)) {
            call.start = created;
        }
        if (old != null) {
            // Linkedid changed (bridged with an older call): the channel moves; an emptied call merged, it did not end.
            CallRecord previous = calls.get(old.linkedId());
            if (previous != null && --previous.live == 0) {
                calls.remove(old.linkedId());
            }
        }
        return call;
    }

    private void rename(AmiEvent event) {
        String uniqueId = event.get("Uniqueid");
        String newName = event.get("Newname");
        LiveChannel old = uniqueId == null ? null : channels.get(uniqueId);
        if (old != null && newName != null) {
            channels.put(uniqueId, withBridge(old, old.bridgeId(), newName));
        }
    }

    private void hangup(AmiEvent event, Instant now) {
        String uniqueId = event.get("Uniqueid");
        if (uniqueId == null) {
            return;
        }
        hungUp.add(uniqueId);
        for (QueueRecord queue : queues.values()) {
            // Asterisk sends QueueCallerLeave first; a lagging list may still have shown the caller.
            queue.removeCaller(uniqueId);
        }
        LiveChannel gone = channels.remove(uniqueId);
        if (gone == null) {
            if (unseenHangups != null && event.get("Linkedid") != null) {
                unseenHangups.put(event.get("Linkedid"), event);
            }
            return;
        }
        CallRecord call = calls.get(gone.linkedId());
        if (call == null) {
            return;
        }
        call.gone.add(new LiveChannel(gone.uniqueId(), gone.name(), ChannelState.fromHeader(event.get("ChannelState")),
                gone.callerIdNum(), gone.callerIdName(), gone.connectedLineNum(), gone.connectedLineName(),
                gone.linkedId(), null, gone.created()));
        if (--call.live == 0) {
            calls.remove(call.linkedId);
            if (endedInReplay != null) {
                endedInReplay.add(call.linkedId);
            }
            endedCalls.accept(new LiveCallEnd(new LiveCall(call.linkedId, call.start, call.answered, call.gone), now,
                    HangupCause.fromHeader(event.get("Cause")), causeText(event)));
        }
    }

    private static String causeText(AmiEvent hangup) {
        String text = hangup.get("Cause-txt");
        return text == null || text.isBlank() ? "cause " + hangup.get("Cause") : text;
    }

    private void upsertBridge(AmiEvent event) {
        String id = event.get("BridgeUniqueid");
        if (id != null && !destroyed.contains(id)) {
            bridges.put(id, BridgeRecord.of(event));
        }
    }

    private void bridgeEnter(AmiEvent event, Instant now) {
        upsertBridge(event);
        LiveChannel channel = upsertChannel(event, now);
        String id = event.get("BridgeUniqueid");
        if (channel != null && id != null && !destroyed.contains(id)) {
            channels.put(channel.uniqueId(), withBridge(channel, id, channel.name()));
        }
    }

    private void bridgeLeave(AmiEvent event, Instant now) {
        upsertBridge(event);
        LiveChannel channel = upsertChannel(event, now);
        if (channel != null && channel.bridgeId() != null && channel.bridgeId().equals(event.get("BridgeUniqueid"))) {
            channels.put(channel.uniqueId(), withBridge(channel, null, channel.name()));
        }
    }

    private void bridgeDestroy(AmiEvent event) {
        String id = event.get("BridgeUniqueid");
        if (id != null) {
            destroyed.add(id);
            bridges.remove(id);
        }
    }

    private static LiveChannel withBridge(LiveChannel c, String bridgeId, String name) {
        return new LiveChannel(c.uniqueId(), name, c.state(), c.callerIdNum(), c.callerIdName(), c.connectedLineNum(),
                c.connectedLineName(), c.linkedId(), bridgeId, c.created());
    }

    private void callerJoin(AmiEvent event, Instant now) {
        String uniqueId = event.get("Uniqueid");
        String queueName = event.get("Queue");
        if (uniqueId == null || queueName == null || hungUp.contains(uniqueId)) {
            return;
        }
        QueueRecord queue = queues.computeIfAbsent(queueName, QueueRecord::new);
        Waiting before = queue.removeCaller(uniqueId);
        Waiting caller = new Waiting(uniqueId, event.get("Channel"), event.get("CallerIDNum"), event.get("CallerIDName"),
                before == null ? now : before.joined());
        int index = Math.max(0, Math.min(queue.callers.size(), parseInt(event.get("Position"), Integer.MAX_VALUE) - 1));
        queue.callers.add(index, caller);
    }

    private void callerLeave(AmiEvent event) {
        QueueRecord queue = queues.get(String.valueOf(event.get("Queue")));
        if (queue != null && event.get("Uniqueid") != null) {
            queue.removeCaller(event.get("Uniqueid"));
        }
    }

    private void upsertMember(AmiEvent event) {
        String queueName = event.get("Queue");
        String location = event.get("Interface");
        if (queueName == null || location == null) {
            return;
        }
        QueueRecord queue = queues.computeIfAbsent(queueName, QueueRecord::new);
        queue.putMember(member(queueName, location, event, event.get("MemberName")), queue.members.get(location));
    }

    private static LiveQueueMember member(String queue, String location, AmiEvent source, String name) {
        return new LiveQueueMember(queue, location, name, source.get("StateInterface"), source.get("Membership"),
                parseInt(source.get("Penalty"), 0), DeviceState.fromHeader(source.get("Status")),
                "1".equals(source.get("Paused")), valueOrEmpty(source.get("PausedReason")), "1".equals(source.get("InCall")));
    }

    private void removeMember(AmiEvent event) {
        QueueRecord queue = queues.get(String.valueOf(event.get("Queue")));
        if (queue != null) {
            queue.members.remove(String.valueOf(event.get("Interface")));
        }
    }

    /** Asterisk announces the start of a member's call with AgentConnect only (QueueMemberStatus follows device states). */
    private void agentConnect(AmiEvent event) {
        TrackedMember member = trackedMember(event);
        if (member != null) {
            member.queue.members.put(member.location(), new TrackedMember(member.queue, inCall(member.member, true),
                    event.get("Uniqueid")));
        }
    }

    /** Ends the member's call only if it is the call AgentComplete names (a redirected caller's ends late). */
    private void agentComplete(AmiEvent event) {
        TrackedMember member = trackedMember(event);
        if (member != null && member.member.inCall()
                && (member.callId == null || member.callId.equals(event.get("Uniqueid")))) {
            member.queue.members.put(member.location(), new TrackedMember(member.queue, inCall(member.member, false), null));
        }
    }

    private TrackedMember trackedMember(AmiEvent event) {
        QueueRecord queue = queues.get(String.valueOf(event.get("Queue")));
        return queue == null ? null : queue.members.get(String.valueOf(event.get("Interface")));
    }

    private static LiveQueueMember inCall(LiveQueueMember m, boolean inCall) {
        return new LiveQueueMember(m.queue(), m.interfaceName(), m.name(), m.stateInterface(), m.membership(), m.penalty(),
                m.status(), m.paused(), m.pausedReason(), inCall);
    }

    // ---- resynchronisation ----------------------------------------------------------------------

    /**
     * Replaces the state with Asterisk's lists, then applies the events that arrived since the
     * session began (some may be in the lists already, some not yet: applying them again is
     * harmless, leaving them out would not be). Calls the view knew that are gone now are reported
     * ended.
     */
    void resync(List<AmiEvent> channelItems, List<AmiEvent> bridgeItems, List<AmiEvent> queueItems,
                List<AmiEvent> window, Instant now) {
        Map<String, LiveChannel> channelsBefore = channels;
        Map<String, CallRecord> callsBefore = calls;
        installChannels(channelItems, channelsBefore, callsBefore, now);
        installBridges(bridgeItems);
        installQueues(queueItems, now);
        endedInReplay = new HashSet<>();
        unseenHangups = new HashMap<>();
        try {
            for (AmiEvent event : window) {
                apply(event, now);
            }
            reportVanishedCalls(channelsBefore, callsBefore, now);
        } finally {
            endedInReplay = null;
            unseenHangups = null;
        }
    }

    private void installChannels(List<AmiEvent> items, Map<String, LiveChannel> before,
                                 Map<String, CallRecord> callsBefore, Instant now) {
        List<LiveChannel> listed = new ArrayList<>(items.size());
        for (AmiEvent item : items) {
            String uniqueId = item.get("Uniqueid");
            if (uniqueId == null || hungUp.contains(uniqueId)) {
                continue;
            }
            LiveChannel known = before.get(uniqueId);
            String linkedId = item.get("Linkedid");
            listed.add(new LiveChannel(uniqueId, item.get("Channel"), ChannelState.fromHeader(item.get("ChannelState")),
                    item.get("CallerIDNum"), item.get("CallerIDName"), item.get("ConnectedLineNum"),
                    item.get("ConnectedLineName"), linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId,
                    blankToNull(item.get("BridgeId")),
                    known != null ? known.created() : now.minusSeconds(durationSeconds(item.get("Duration")))));
        }
        listed.sort(Comparator.comparing(LiveChannel::created));
        channels = new LinkedHashMap<>(Math.max(16, listed.size() * 4 / 3 + 1));
        calls = new HashMap<>();
        for (LiveChannel channel : listed) {
            CallRecord call = calls.get(channel.linkedId());
            if (call == null) {
                CallRecord known = callsBefore.get(channel.linkedId());
                call = known == null ? new CallRecord(channel.linkedId(), channel.created(), null) : known.carried();
                calls.put(call.linkedId, call);
            }
            call.live++;
            if (channel.created().isBefore(call.start)) {
                call.start = channel.created();
            }
            channels.put(channel.uniqueId(), channel.linkedId() == call.linkedId ? channel : new LiveChannel(
                    channel.uniqueId(), channel.name(), channel.state(), channel.callerIdNum(), channel.callerIdName(),
                    channel.connectedLineNum(), channel.connectedLineName(), call.linkedId, channel.bridgeId(),
                    channel.created()));
        }
    }

    private void installBridges(List<AmiEvent> items) {
        bridges = new LinkedHashMap<>();
        for (AmiEvent item : items) {
            String id = item.get("BridgeUniqueid");
            if (id != null && !destroyed.contains(id)) {
                bridges.put(id, BridgeRecord.of(item));
            }
        }
    }

    private void installQueues(List<AmiEvent> items, Instant now) {
        Map<String, QueueRecord> before = queues;
        queues = new TreeMap<>();
        Map<String, List<AmiEvent>> entries = new HashMap<>();
        for (AmiEvent item : items) {
            String queueName = item.get("Queue");
            if (queueName == null) {
                continue;
            }
            QueueRecord queue = queues.computeIfAbsent(queueName, QueueRecord::new);
            switch (item.name()) {
                case "QueueParams" -> queue.strategy = item.get("Strategy");
                case "QueueMember" -> {
                    String location = item.get("Location");
                    if (location != null) {
                        QueueRecord known = before.get(queueName);
                        queue.putMember(member(queueName, location, item, item.get("Name")),
                                known == null ? null : known.members.get(location));
                    }
                }
                case "QueueEntry" -> entries.computeIfAbsent(queueName, name -> new ArrayList<>()).add(item);
                default -> {
                    // QueueSummary and others carry nothing tracked
                }
            }
        }
        for (Map.Entry<String, List<AmiEvent>> waiting : entries.entrySet()) {
            QueueRecord queue = queues.get(waiting.getKey());
            QueueRecord known = before.get(waiting.getKey());
            waiting.getValue().sort(Comparator.comparingInt(e -> parseInt(e.get("Position"), Integer.MAX_VALUE)));
            for (AmiEvent entry : waiting.getValue()) {
                String uniqueId = entry.get("Uniqueid");
                if (uniqueId == null || hungUp.contains(uniqueId)) {
                    continue;
                }
                Waiting was = known == null ? null : known.caller(uniqueId);
                queue.callers.add(new Waiting(uniqueId, entry.get("Channel"), entry.get("CallerIDNum"),
                        entry.get("CallerIDName"), was != null ? was.joined() : now.minusSeconds(parseInt(entry.get("Wait"), 0))));
            }
        }
    }

    private void reportVanishedCalls(Map<String, LiveChannel> channelsBefore, Map<String, CallRecord> callsBefore,
                                     Instant now) {
        Map<String, List<LiveChannel>> channelsOfCall = null;
        for (CallRecord call : callsBefore.values()) {
            if (calls.containsKey(call.linkedId) || endedInReplay.contains(call.linkedId)) {
                continue;
            }
            if (channelsOfCall == null) {
                channelsOfCall = new HashMap<>();
                for (LiveChannel channel : channelsBefore.values()) {
                    channelsOfCall.computeIfAbsent(channel.linkedId(), id -> new ArrayList<>()).add(channel);
                }
            }
            List<LiveChannel> all = new ArrayList<>(call.gone);
            all.addAll(channelsOfCall.getOrDefault(call.linkedId, List.of()));
            AmiEvent hangup = unseenHangups.get(call.linkedId);
            endedCalls.accept(new LiveCallEnd(new LiveCall(call.linkedId, call.start, call.answered, all), now,
                    hangup == null ? HangupCause.UNKNOWN : HangupCause.fromHeader(hangup.get("Cause")),
                    hangup == null ? OUT_OF_SYNC_END : causeText(hangup)));
        }
    }

    // ---- snapshots ------------------------------------------------------------------------------

    /** Copies what a snapshot needs (cheap: the records are immutable); {@link Parts#snapshot} does the rest. */
    Parts parts() {
        Map<String, CallRecord> times = new HashMap<>(Math.max(16, calls.size() * 4 / 3 + 1));
        for (CallRecord call : calls.values()) {
            times.put(call.linkedId, new CallRecord(call.linkedId, call.start, call.answered));
        }
        List<LiveQueue> queueList = new ArrayList<>(queues.size());
        for (QueueRecord queue : queues.values()) {
            queueList.add(queue.snapshot());
        }
        return new Parts(new ArrayList<>(channels.values()), times, new ArrayList<>(bridges.values()), queueList);
    }

    /** The state copied out of the lock. */
    record Parts(List<LiveChannel> channels, Map<String, CallRecord> callTimes, List<BridgeRecord> bridges,
                 List<LiveQueue> queues) {

        /** Groups the channels into calls and bridges. */
        LiveSnapshot snapshot(String server, boolean inSync, Instant outOfSyncSince) {
            Map<String, List<LiveChannel>> byCall = new LinkedHashMap<>();
            Map<String, List<LiveChannel>> byBridge = new HashMap<>();
            for (LiveChannel channel : channels) {
                byCall.computeIfAbsent(channel.linkedId(), id -> new ArrayList<>(2)).add(channel);
                if (channel.bridgeId() != null) {
                    byBridge.computeIfAbsent(channel.bridgeId(), id -> new ArrayList<>(2)).add(channel);
                }
            }
            List<LiveCall> callList = new ArrayList<>(byCall.size());
            for (Map.Entry<String, List<LiveChannel>> call : byCall.entrySet()) {
                CallRecord times = callTimes.get(call.getKey());
                Instant start = times == null ? call.getValue().get(0).created() : times.start;
                callList.add(new LiveCall(call.getKey(), start, times == null ? null : times.answered, call.getValue()));
            }
            List<LiveBridge> bridgeList = new ArrayList<>(bridges.size());
            for (BridgeRecord bridge : bridges) {
                bridgeList.add(new LiveBridge(bridge.id(), bridge.type(), bridge.technology(), bridge.creator(),
                        bridge.name(), byBridge.getOrDefault(bridge.id(), List.of())));
            }
            return LiveSnapshot.of(server, inSync, outOfSyncSince, channels, callList, bridgeList, queues);
        }
    }

    // ---- records --------------------------------------------------------------------------------

    /** One call: its channels are counted, its ended channels kept until it ends. */
    static final class CallRecord {
        final String linkedId;
        Instant start;
        Instant answered;
        int live;
        final List<LiveChannel> gone = new ArrayList<>(2);

        CallRecord(String linkedId, Instant start, Instant answered) {
            this.linkedId = linkedId;
            this.start = start;
            this.answered = answered;
        }

        /** This call's history, counting no channel yet (a resync counts the listed ones). */
        CallRecord carried() {
            CallRecord copy = new CallRecord(linkedId, start, answered);
            copy.gone.addAll(gone);
            return copy;
        }
    }

    record BridgeRecord(String id, String type, String technology, String creator, String name) {
        static BridgeRecord of(AmiEvent event) {
            return new BridgeRecord(event.get("BridgeUniqueid"), event.get("BridgeType"), event.get("BridgeTechnology"),
                    event.get("BridgeCreator"), event.get("BridgeName"));
        }
    }

    /** A waiting caller; its position is its place in the queue's list. */
    record Waiting(String uniqueId, String channel, String callerIdNum, String callerIdName, Instant joined) {
    }

    /** A member and the caller (Uniqueid) of the call AgentConnect put it in, when known. */
    record TrackedMember(QueueRecord queue, LiveQueueMember member, String callId) {
        String location() {
            return member.interfaceName();
        }
    }

    static final class QueueRecord {
        final String name;
        String strategy;
        final Map<String, TrackedMember> members = new LinkedHashMap<>();
        final List<Waiting> callers = new ArrayList<>();

        QueueRecord(String name) {
            this.name = name;
        }

        /** Sets a member's whole state; it stays in the call it was known to be in while its InCall says so. */
        void putMember(LiveQueueMember member, TrackedMember known) {
            boolean sameCall = member.inCall() && known != null && known.member.inCall();
            members.put(member.interfaceName(), new TrackedMember(this, member, sameCall ? known.callId : null));
        }

        Waiting caller(String uniqueId) {
            for (Waiting caller : callers) {
                if (caller.uniqueId().equals(uniqueId)) {
                    return caller;
                }
            }
            return null;
        }

        Waiting removeCaller(String uniqueId) {
            Waiting caller = caller(uniqueId);
            if (caller != null) {
                callers.remove(caller);
            }
            return caller;
        }

        LiveQueue snapshot() {
            List<LiveQueueMember> memberList = new ArrayList<>(members.size());
            for (TrackedMember member : members.values()) {
                memberList.add(member.member);
            }
            List<LiveQueueCaller> callerList = new ArrayList<>(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                Waiting c = callers.get(i);
                callerList.add(new LiveQueueCaller(name, i + 1, c.uniqueId(), c.channel(), c.callerIdNum(),
                        c.callerIdName(), c.joined()));
            }
            return new LiveQueue(name, strategy, memberList, callerList);
        }
    }

    // ---- values ---------------------------------------------------------------------------------

    private static int parseInt(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A CoreShowChannel {@code Duration} ({@code HH:MM:SS}, hours may exceed 99) in seconds; 0 when unreadable. */
    static long durationSeconds(String duration) {
        if (duration == null) {
            return 0;
        }
        long seconds = 0;
        for (String part : duration.trim().split(":")) {
            int value = parseInt(part, -1);
            if (value < 0) {
                return 0;
            }
            seconds = seconds * 60 + value;
        }
        return seconds;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String valueOrEmpty(String value) {
        return value == null ? "" : value;
    }
}
