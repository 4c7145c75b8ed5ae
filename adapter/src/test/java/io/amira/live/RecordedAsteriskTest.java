package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.LiveBridge;
import io.amira.api.LiveChannel;
import io.amira.api.LiveQueue;
import io.amira.api.LiveQueueCaller;
import io.amira.api.LiveQueueMember;
import io.amira.api.LiveSnapshot;
import io.amira.protocol.AmiDecoder;
import io.amira.protocol.AmiMessage;
import io.amira.protocol.AmiMessageSink;
import io.amira.protocol.DroppedPacket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view built from the events of a real Asterisk 22.10.1 session (the simulator module's
 * recordings of queue calls, redirects, abandons, member changes) agrees with every list answer
 * Asterisk gave in the same session: channels with CoreShowChannels, bridges with BridgeList and
 * BridgeInfo, waiting callers and the members the view has heard of with QueueStatus. This checks
 * the event handling against Asterisk's own behaviour, e.g. a member's InCall that only
 * AgentConnect and AgentComplete announce.
 */
class RecordedAsteriskTest {

    private static final Path RECORDINGS = Path.of("../simulator/src/test/resources/recordings");

    @ParameterizedTest
    @ValueSource(strings = {"queue-connect", "queue-redirect", "queue-redirect-agent", "queue-abandon",
            "queue-members"})
    void theViewFromTheEventsAgreesWithEveryListInTheRecording(String recording) throws IOException {
        Tracker tracker = new Tracker("127.0.0.1:5038", Clock.systemUTC(), new Notifier("127.0.0.1:5038", Runnable::run));
        long session = tracker.beginSession();
        tracker.resync(session, List.of(), List.of(), List.of());
        Map<String, List<AmiEvent>> openLists = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (AmiMessage message : decode(RECORDINGS.resolve(recording + ".rx"))) {
            String actionId = message.actionId();
            if (message.isResponse() && "start".equalsIgnoreCase(message.get("EventList"))) {
                openLists.put(actionId, new ArrayList<>());
            } else if (message.isEvent() && actionId != null && openLists.containsKey(actionId)) {
                if ("Complete".equalsIgnoreCase(message.get("EventList"))) {
                    compared += compare(tracker.snapshot(), message, openLists.remove(actionId), mismatches);
                } else {
                    openLists.get(actionId).add(message);
                }
            } else if (message.isEvent()) {
                tracker.onEvent(session, message);
            }
        }
        assertEquals(List.of(), mismatches, recording);
        assertTrue(compared > 0, recording + " has lists to compare with");
    }

    /** Compares the view with one list answer; returns how many lists were compared (0 for lists the view does not hold). */
    private static int compare(LiveSnapshot view, AmiMessage complete, List<AmiEvent> items, List<String> mismatches) {
        String list = complete.name() + " " + complete.actionId();
        switch (complete.name()) {
            case "CoreShowChannelsComplete" -> {
                Map<String, String> listed = new TreeMap<>();
                for (AmiEvent item : items) {
                    listed.put(item.get("Uniqueid"), channelLine(item.get("Channel"), item.get("ChannelState"),
                            item.get("CallerIDNum"), item.get("CallerIDName"), item.get("ConnectedLineNum"),
                            item.get("ConnectedLineName"), item.get("Linkedid"), item.get("BridgeId")));
                }
                Map<String, String> tracked = new TreeMap<>();
                for (LiveChannel c : view.channels()) {
                    tracked.put(c.uniqueId(), channelLine(c.name(), Integer.toString(c.state().code()), c.callerIdNum(),
                            c.callerIdName(), c.connectedLineNum(), c.connectedLineName(), c.linkedId(),
                            c.bridgeId() == null ? "" : c.bridgeId()));
                }
                check(list, tracked, listed, mismatches);
            }
            case "BridgeListComplete" -> {
                Map<String, Integer> listed = new TreeMap<>();
                items.forEach(item -> listed.put(item.get("BridgeUniqueid"), Integer.parseInt(item.get("BridgeNumChannels"))));
                Map<String, Integer> tracked = new TreeMap<>();
                view.bridges().forEach(bridge -> tracked.put(bridge.id(), bridge.channels().size()));
                check(list, tracked, listed, mismatches);
            }
            case "BridgeInfoComplete" -> {
                List<String> listed = items.stream().map(item -> item.get("Channel")).sorted().toList();
                LiveBridge bridge = view.bridge(complete.get("BridgeUniqueid")).orElse(null);
                List<String> tracked = bridge == null ? List.of()
                        : bridge.channels().stream().map(LiveChannel::name).sorted().toList();
                check(list, tracked, listed, mismatches);
            }
            case "QueueStatusComplete" -> compareQueues(view, list, items, mismatches);
            default -> {
                return 0;
            }
        }
        return 1;
    }

    /** Waiting callers of every listed queue; listed members the view has heard of (it starts without QueueStatus here). */
    private static void compareQueues(LiveSnapshot view, String list, List<AmiEvent> items, List<String> mismatches) {
        Map<String, List<String>> listedCallers = new TreeMap<>();
        Map<String, String> listedMembers = new TreeMap<>();
        for (AmiEvent item : items) {
            String queue = item.get("Queue");
            switch (item.name()) {
                case "QueueParams" -> listedCallers.putIfAbsent(queue, new ArrayList<>());
                case "QueueEntry" -> listedCallers.computeIfAbsent(queue, q -> new ArrayList<>()).add(item.get("Channel"));
                case "QueueMember" -> listedMembers.put(queue + " " + item.get("Location"),
                        memberLine(item.get("Status"), item.get("Paused"), item.get("InCall")));
                default -> {
                }
            }
        }
        Map<String, List<String>> trackedCallers = new TreeMap<>();
        Map<String, String> trackedMembers = new TreeMap<>();
        for (String queue : listedCallers.keySet()) {
            LiveQueue tracked = view.queue(queue).orElse(new LiveQueue(queue, null, List.of(), List.of()));
            trackedCallers.put(queue, tracked.callers().stream().map(LiveQueueCaller::channel).toList());
            for (LiveQueueMember m : tracked.members()) {
                trackedMembers.put(queue + " " + m.interfaceName(),
                        memberLine(Integer.toString(m.status().code()), m.paused() ? "1" : "0", m.inCall() ? "1" : "0"));
            }
        }
        // QueueStatus with Member lists that member only.
        listedMembers.keySet().retainAll(trackedMembers.keySet());
        trackedMembers.keySet().retainAll(listedMembers.keySet());
        check(list, trackedCallers, listedCallers, mismatches);
        check(list, trackedMembers, listedMembers, mismatches);
    }

    private static String channelLine(String... values) {
        return String.join(" | ", values);
    }

    private static String memberLine(String status, String paused, String inCall) {
        return "Status " + status + " Paused " + paused + " InCall " + inCall;
    }

    private static void check(String list, Object tracked, Object listed, List<String> mismatches) {
        if (!tracked.equals(listed)) {
            mismatches.add(list + ": the view has " + tracked + " but Asterisk listed " + listed);
        }
    }

    private static List<AmiMessage> decode(Path file) throws IOException {
        List<AmiMessage> messages = new ArrayList<>();
        new AmiDecoder("127.0.0.1:5038").decode(ByteBuffer.wrap(Files.readAllBytes(file)), new AmiMessageSink() {
            @Override
            public void onBanner(String banner) {
            }

            @Override
            public void onMessage(AmiMessage message) {
                messages.add(message);
            }

            @Override
            public void onDropped(DroppedPacket dropped) {
                throw new AssertionError(file + ": " + dropped);
            }
        });
        return messages;
    }
}
