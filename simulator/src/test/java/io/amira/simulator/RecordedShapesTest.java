package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plays each script recorded against the local Asterisk 22.10.1 (resources/recordings) against the
 * simulator and compares what is not volatile: the header names and their order of every event and
 * list item (with the Privilege value), the event types, each action's response (Response, Message, EventList and header
 * names), each list's items, and the order of the call, bridge and queue events a state tracker
 * relies on. Values that change from run to run (ids, times) and the order of events whose order
 * Asterisk itself leaves to thread scheduling (VarSet, DeviceStateChange, QueueMemberStatus...) are
 * not compared.
 */
class RecordedShapesTest {
    /** Events whose relative order is fixed in Asterisk: what a tracker of calls, bridges and queues follows. */
    private static final Set<String> ORDERED = Set.of("OriginateResponse", "QueueCallerJoin", "QueueCallerLeave",
            "QueueCallerAbandon", "AgentCalled", "AgentConnect", "AgentComplete", "BridgeCreate", "BridgeEnter",
            "BridgeLeave", "BridgeDestroy", "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberPause");

    @ParameterizedTest
    @ValueSource(strings = {"originate-100", "queue-connect", "queue-redirect", "queue-redirect-agent", "queue-abandon", "queue-members"})
    void theSimulatorAnswersAsAsteriskDid(String scenario) throws Exception {
        // A quarter of the recorded time, for the dialplan's waits and the script's alike, keeps every
        // order; in queue-connect the agent's Wait(20) must end before the caller's Wait(25): half
        // the time leaves 2.5 s between them, for a loaded machine.
        double scale = 0.25;
        SimulatorConfig config = SimulatorConfig.builder().waitScale(scenario.equals("queue-connect") ? 0.5 : scale)
                .build();
        List<Packet> real = packets(resource(scenario + ".rx"));
        List<Packet> simulated;
        try (AmiSimulator sim = AmiSimulator.start(config)) {
            ScriptPlayer player = ScriptPlayer.play(new String(resource(scenario + ".script"), StandardCharsets.UTF_8),
                    sim.host(), sim.port(), scale);
            simulated = packets(player.received());
        }
        Map<String, Set<List<String>>> realShapes = shapes(real);
        Map<String, Set<List<String>>> simShapes = shapes(simulated);
        for (Map.Entry<String, Set<List<String>>> e : simShapes.entrySet()) {
            Set<List<String>> recorded = realShapes.get(e.getKey());
            if (recorded != null) {
                for (List<String> shape : e.getValue()) {
                    assertTrue(recorded.contains(shape), scenario + ": " + e.getKey() + " headers " + shape
                            + " are not among Asterisk's " + recorded);
                }
            }
        }
        assertEquals(realShapes.keySet(), simShapes.keySet(), scenario + ": event types");
        assertEquals(responses(real), responses(simulated), scenario + ": responses");
        assertEquals(lists(real), lists(simulated), scenario + ": list answers");
        assertEquals(ordered(real), ordered(simulated), scenario + ": order of call, bridge and queue events");
    }

    /** Event or list item name to the header name sequences seen for it (Privilege with its value). */
    private static Map<String, Set<List<String>>> shapes(List<Packet> packets) {
        Map<String, Set<List<String>>> shapes = new LinkedHashMap<>();
        for (Packet p : packets) {
            String event = p.get("Event");
            if (event != null) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    names.add(p.name(i).equals("Privilege") ? "Privilege: " + p.value(i) : p.name(i));
                }
                shapes.computeIfAbsent(event, k -> new LinkedHashSet<>()).add(names);
            }
        }
        return shapes;
    }

    /** ActionID to the response's header names with the values of Response, Message and EventList. */
    private static Map<String, List<String>> responses(List<Packet> packets) {
        Map<String, List<String>> responses = new LinkedHashMap<>();
        for (Packet p : packets) {
            if (p.get("Response") != null && p.get("Event") == null) {
                List<String> r = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    String name = p.name(i);
                    boolean kept = name.equals("Response") || name.equals("Message") || name.equals("EventList");
                    r.add(kept ? name + ": " + p.value(i) : name);
                }
                responses.put(p.get("ActionID"), r);
            }
        }
        return responses;
    }

    /** ActionID of each list to its item names (sorted: Asterisk lists in hash order) and its ListItems. */
    private static Map<String, String> lists(List<Packet> packets) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        Map<String, String> lists = new LinkedHashMap<>();
        for (Packet p : packets) {
            String id = p.get("ActionID");
            if ("start".equals(p.get("EventList"))) {
                items.put(id, new ArrayList<>());
            } else if (p.get("Event") != null && items.containsKey(id) && !lists.containsKey(id)) {
                if ("Complete".equals(p.get("EventList"))) {
                    lists.put(id, new TreeSet<>(items.get(id)).toString() + " " + items.get(id).size() + " items, "
                            + p.get("Event") + " ListItems: " + p.get("ListItems"));
                } else {
                    items.get(id).add(p.get("Event"));
                }
            }
        }
        return lists;
    }

    private static List<String> ordered(List<Packet> packets) {
        List<String> names = new ArrayList<>();
        for (Packet p : packets) {
            String event = p.get("Event");
            if (event != null && ORDERED.contains(event)) {
                names.add(event);
            }
        }
        return names;
    }

    static List<Packet> packets(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Packet> packets = new ArrayList<>();
        int start = text.indexOf("\r\n") + 2;
        int end;
        while ((end = text.indexOf("\r\n\r\n", start)) >= 0) {
            Packet p = new Packet();
            for (String line : text.substring(start, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    p.add(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            packets.add(p);
            start = end + 4;
        }
        return packets;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RecordedShapesTest.class.getResourceAsStream("/recordings/" + name)) {
            if (in == null) {
                throw new IOException("no test resource recordings/" + name);
            }
            return in.readAllBytes();
        }
    }
}
