package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a live-state tracker (issue 17) relies on: a view built only from the events a session
 * received equals, at the moment each list answer arrives on that session, what CoreShowChannels,
 * BridgeList and QueueStatus show. Random calls, hangups, redirects out of queues and bridges,
 * queue joins, member pauses, adds and removes run meanwhile from another session.
 */
class LiveStateConsistencyTest {
    private static final String[] MEMBERS = {"Local/900@demo", "Local/901@demo", "Local/950@demo", "Local/910@demo"};

    @Test
    void listAnswersAgreeWithTheEventsBeforeThem() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().waitScale(0.1).slowReaderTimeout(Duration.ofSeconds(10))
                .extension("demo", "910", "Answer()", "Wait(15)", "Hangup()").build();
        Random random = new Random(17);
        try (AmiSimulator sim = AmiSimulator.start(config);
             Tracker tracker = new Tracker(sim);
             BufferedSession driver = new BufferedSession(sim)) {
            tracker.start();
            driver.login("off");
            driver.drainAnswers();
            for (int op = 1; op <= 600; op++) {
                driver.send(randomAction(random, op, tracker));
                if (op % 20 == 0) {
                    tracker.compareAll();
                }
                Thread.sleep(random.nextInt(8));
            }
            driver.send("Action: Hangup\r\nActionID: all\r\nChannel: /.*/\r\n\r\n");
            for (String iface : MEMBERS) {
                driver.send("Action: QueuePause\r\nActionID: unpause\r\nInterface: " + iface + "\r\nPaused: false\r\n\r\n");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sim.channelCount() == 0);
            int compared = tracker.compareAll();
            tracker.awaitCompared(compared);
            assertTrue(tracker.failures.isEmpty(), String.join("\n", tracker.failures));
            assertTrue(tracker.comparisons.get() >= 3 * 31, "lists compared: " + tracker.comparisons.get());
            assertTrue(tracker.sawQueueConnections.get() > 0 && tracker.sawBridges.get() > 0,
                    "queue calls were bridged to members: " + tracker.sawQueueConnections + " " + tracker.sawBridges);
        }
    }

    private static String randomAction(Random random, int op, Tracker tracker) {
        List<String> channels = new ArrayList<>(tracker.channels.keySet());
        String channel = channels.isEmpty() ? "Local/none-00000000;1" : channels.get(random.nextInt(channels.size()));
        String member = MEMBERS[random.nextInt(MEMBERS.length)];
        switch (random.nextInt(8)) {
            case 0:
            case 1:
            case 2:
                String[] extens = {"100", "200", "300", "300", "310"};
                return "Action: Originate\r\nActionID: o-" + op + "\r\nChannel: Local/" + extens[random.nextInt(extens.length)]
                        + "@demo\r\nApplication: Wait\r\nData: 20\r\nAsync: true\r\nCallerID: \"Caller " + op + "\" <" + op
                        + ">\r\n\r\n";
            case 3:
                return "Action: Hangup\r\nActionID: h-" + op + "\r\nChannel: " + channel + "\r\n\r\n";
            case 4:
                String[] targets = {"200", "300", "310"};
                return "Action: Redirect\r\nActionID: r-" + op + "\r\nChannel: " + channel + "\r\nContext: demo\r\nExten: "
                        + targets[random.nextInt(targets.length)] + "\r\nPriority: 1\r\n\r\n";
            case 5:
                return "Action: QueuePause\r\nActionID: p-" + op + "\r\nInterface: " + member + "\r\nPaused: "
                        + random.nextBoolean() + (random.nextBoolean() ? "\r\nQueue: support" : "") + "\r\n\r\n";
            case 6:
                return "Action: QueueAdd\r\nActionID: a-" + op + "\r\nQueue: " + (random.nextBoolean() ? "support" : "hold")
                        + "\r\nInterface: Local/910@demo\r\nMemberName: Agent910\r\n\r\n";
            default:
                return "Action: QueueRemove\r\nActionID: rm-" + op + "\r\nQueue: " + (random.nextBoolean() ? "support" : "hold")
                        + "\r\nInterface: Local/910@demo\r\n\r\n";
        }
    }

    /**
     * Builds a view of channels, bridges and queues from events only (each field from the event
     * that announces its change), and compares it with every list answer when the answer arrives.
     */
    private static final class Tracker extends BufferedSession implements Runnable {
        final Map<String, Map<String, String>> channels = new ConcurrentHashMap<>();
        private final Map<String, Integer> bridges = new TreeMap<>();
        private final Map<String, String> members = new TreeMap<>();
        private final Map<String, List<String>> entries = new TreeMap<>();
        private final Map<String, List<Map<String, String>>> lists = new TreeMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger comparisons = new AtomicInteger();
        final AtomicInteger sawQueueConnections = new AtomicInteger();
        final AtomicInteger sawBridges = new AtomicInteger();
        private final AtomicInteger round = new AtomicInteger();
        private volatile boolean synced;

        Tracker(AmiSimulator sim) throws IOException {
            super(sim);
        }

        void start() throws IOException, InterruptedException {
            login("on");
            Thread thread = new Thread(this, "tracker");
            thread.setDaemon(true);
            thread.start();
            compareAll();
            org.awaitility.Awaitility.await().until(() -> synced);
        }

        /** Asks for the three lists in one write; returns how many lists will have been compared after them. */
        int compareAll() throws IOException {
            int n = round.incrementAndGet();
            send("Action: CoreShowChannels\r\nActionID: csc-" + n + "\r\n\r\nAction: BridgeList\r\nActionID: bl-" + n
                    + "\r\n\r\nAction: QueueStatus\r\nActionID: qs-" + n + "\r\n\r\n");
            return 3 * n;
        }

        void awaitCompared(int count) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> comparisons.get() >= count);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Map<String, String> p = headers();
                    try {
                        handle(p);
                    } catch (RuntimeException e) {
                        failures.add("cannot apply " + p + ": " + e);
                    }
                }
            } catch (IOException e) {
                if (!isClosed()) {
                    failures.add("the tracker's session ended: " + e);
                }
            }
        }

        private void handle(Map<String, String> p) {
            String id = p.getOrDefault("ActionID", "");
            String event = p.get("Event");
            if ("start".equals(p.get("EventList"))) {
                lists.put(id, new ArrayList<>());
            } else if (lists.containsKey(id) && event != null) {
                if ("Complete".equals(p.get("EventList"))) {
                    compare(id, lists.remove(id));
                } else {
                    lists.get(id).add(p);
                }
            } else if (event != null && !synced) {
                return;
            } else if (event != null) {
                apply(event, p);
            }
        }

        private void apply(String event, Map<String, String> p) {
            String channel = p.get("Channel");
            switch (event) {
                case "Newchannel":
                    channels.put(channel, new TreeMap<>(Map.of("state", p.get("ChannelState"),
                            "cid", p.get("CallerIDNum") + "/" + p.get("CallerIDName"),
                            "connected", p.get("ConnectedLineNum") + "/" + p.get("ConnectedLineName"),
                            "ids", p.get("Uniqueid") + "/" + p.get("Linkedid"), "bridge", "")));
                    break;
                case "Newstate":
                    channels.get(channel).put("state", p.get("ChannelState"));
                    break;
                case "NewCallerid":
                    channels.get(channel).put("cid", p.get("CallerIDNum") + "/" + p.get("CallerIDName"));
                    break;
                case "NewConnectedLine":
                    channels.get(channel).put("connected", p.get("ConnectedLineNum") + "/" + p.get("ConnectedLineName"));
                    break;
                case "Hangup":
                    channels.remove(channel);
                    break;
                case "BridgeCreate":
                    bridges.put(p.get("BridgeUniqueid"), 0);
                    sawBridges.incrementAndGet();
                    break;
                case "BridgeEnter":
                case "BridgeLeave":
                    bridges.put(p.get("BridgeUniqueid"), Integer.parseInt(p.get("BridgeNumChannels")));
                    channels.get(channel).put("bridge", event.equals("BridgeEnter") ? p.get("BridgeUniqueid") : "");
                    break;
                case "BridgeDestroy":
                    bridges.remove(p.get("BridgeUniqueid"));
                    break;
                case "QueueMemberAdded":
                case "QueueMemberStatus":
                case "QueueMemberPause":
                    members.put(p.get("Queue") + " " + p.get("Interface"), member(p));
                    break;
                case "QueueMemberRemoved":
                    members.remove(p.get("Queue") + " " + p.get("Interface"));
                    break;
                case "QueueCallerJoin":
                    entries.computeIfAbsent(p.get("Queue"), q -> new ArrayList<>())
                            .add(Integer.parseInt(p.get("Position")) - 1, channel);
                    break;
                case "QueueCallerLeave":
                    String left = entries.get(p.get("Queue")).remove(Integer.parseInt(p.get("Position")) - 1);
                    if (!left.equals(channel)) {
                        failures.add("QueueCallerLeave of " + channel + " at a position held by " + left);
                    }
                    break;
                case "AgentConnect":
                    sawQueueConnections.incrementAndGet();
                    break;
                default:
                    break;
            }
        }

        private static String member(Map<String, String> p) {
            return "Status " + p.get("Status") + " Paused " + p.get("Paused") + " InCall " + p.get("InCall")
                    + " CallsTaken " + p.get("CallsTaken");
        }

        private void compare(String id, List<Map<String, String>> items) {
            if (id.startsWith("csc-")) {
                Map<String, Map<String, String>> listed = new TreeMap<>();
                for (Map<String, String> c : items) {
                    listed.put(c.get("Channel"), new TreeMap<>(Map.of("state", c.get("ChannelState"),
                            "cid", c.get("CallerIDNum") + "/" + c.get("CallerIDName"),
                            "connected", c.get("ConnectedLineNum") + "/" + c.get("ConnectedLineName"),
                            "ids", c.get("Uniqueid") + "/" + c.get("Linkedid"), "bridge", c.get("BridgeId"))));
                }
                check(id, new TreeMap<>(channels), listed);
            } else if (id.startsWith("bl-")) {
                Map<String, Integer> listed = new TreeMap<>();
                for (Map<String, String> b : items) {
                    listed.put(b.get("BridgeUniqueid"), Integer.parseInt(b.get("BridgeNumChannels")));
                }
                check(id, bridges, listed);
            } else {
                Map<String, String> listedMembers = new TreeMap<>();
                Map<String, List<String>> listedEntries = new TreeMap<>();
                for (Map<String, String> q : items) {
                    if ("QueueMember".equals(q.get("Event"))) {
                        listedMembers.put(q.get("Queue") + " " + q.get("Location"), member(q));
                    } else if ("QueueEntry".equals(q.get("Event"))) {
                        listedEntries.computeIfAbsent(q.get("Queue"), k -> new ArrayList<>()).add(q.get("Channel"));
                    }
                }
                if (!synced) {
                    members.putAll(listedMembers);
                    synced = true;
                }
                check(id, members, listedMembers);
                Map<String, List<String>> tracked = new TreeMap<>(entries);
                tracked.values().removeIf(List::isEmpty);
                check(id, tracked, listedEntries);
            }
            comparisons.incrementAndGet();
        }

        private void check(String id, Object tracked, Object listed) {
            if (!tracked.equals(listed)) {
                failures.add(id + ": tracked from events " + tracked + "\n    but the list shows " + listed);
            }
        }
    }
}
