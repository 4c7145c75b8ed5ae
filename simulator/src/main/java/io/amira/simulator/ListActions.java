package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The list actions: a Success with EventList: start, the items carrying the ActionID, then ...Complete. */
final class ListActions {
    private final Pbx pbx;

    ListActions(Pbx pbx) {
        this.pbx = pbx;
    }

    void register(ActionDispatcher d) {
        d.register("Status", this::status);
        d.register("CoreShowChannels", this::coreShowChannels);
        d.register("QueueStatus", this::queueStatus);
        d.register("QueueSummary", this::queueSummary);
    }

    static Packet listStart(Packet action, String message) {
        return Packet.response("Success", action.get("ActionID")).add("EventList", "start").add("Message", message);
    }

    static Packet listComplete(String event, Packet action, int items) {
        return new Packet().add("Event", event).actionId(action.get("ActionID")).add("EventList", "Complete")
                .add("ListItems", items);
    }

    /** Sends start, items and completion as one write so no event can come in between. */
    private static void sendList(AmiSession s, Packet start, List<Packet> items, Packet complete) {
        StringBuilder sb = new StringBuilder(start.text());
        for (Packet p : items) {
            sb.append(p.text());
        }
        sb.append(complete.text());
        s.sendRaw(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void status(AmiSession s, Packet a) {
        String name = a.value("Channel");
        String id = a.get("ActionID");
        List<Packet> items = pbx.call(() -> {
            List<Packet> list = new ArrayList<>();
            List<Channel> channels = pbx.liveChannels();
            if (!name.isEmpty()) {
                Channel c = pbx.find(name);
                if (c == null) {
                    return null;
                }
                channels = List.of(c);
            }
            for (Channel c : channels) {
                Packet p = ChannelEvents.channelEvent("Status", "Call", c);
                p.add("Type", c.name.substring(0, c.name.indexOf('/'))).add("DNID", "")
                        .add("EffectiveConnectedLineNum", c.connectedNum).add("EffectiveConnectedLineName", c.connectedName)
                        .add("TimeToHangup", 0).add("BridgeID", c.bridgeId).add("Application", c.application)
                        .add("Data", c.data).add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                        .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", 0).add("Pickupgroup", 0)
                        .add("Seconds", c.seconds()).actionId(id);
                list.add(p);
            }
            return list;
        });
        if (items == null) {
            s.error(a, "No such channel");
            return;
        }
        sendList(s, listStart(a, "Channel status will follow"), items,
                listComplete("StatusComplete", a, items.size()).add("Items", items.size()));
    }

    private void coreShowChannels(AmiSession s, Packet a) {
        String id = a.get("ActionID");
        List<Packet> items = pbx.call(() -> {
            List<Packet> list = new ArrayList<>();
            for (Channel c : pbx.liveChannels()) {
                Packet p = new Packet().add("Event", "CoreShowChannel").actionId(id);
                ChannelEvents.snapshot(p, "", c);
                long sec = c.seconds();
                p.add("Application", c.application).add("ApplicationData", c.data)
                        .add("Duration", String.format(Locale.ROOT, "%02d:%02d:%02d", sec / 3600, (sec / 60) % 60, sec % 60))
                        .add("BridgeId", c.bridgeId);
                list.add(p);
            }
            return list;
        });
        sendList(s, listStart(a, "Channels will follow"), items, listComplete("CoreShowChannelsComplete", a, items.size()));
    }

    private void queueStatus(AmiSession s, Packet a) {
        String queueName = a.value("Queue");
        String memberFilter = a.value("Member");
        String id = a.get("ActionID");
        List<Packet> items = pbx.call(() -> {
            List<Packet> list = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (CallQueue q : pbx.queues.values()) {
                if (!queueName.isEmpty() && !q.name.equals(queueName)) {
                    continue;
                }
                list.add(new Packet().add("Event", "QueueParams").add("Queue", q.name).add("Max", 0)
                        .add("Strategy", q.strategy).add("Calls", q.callers.size()).add("Holdtime", q.holdtime())
                        .add("TalkTime", q.talktime()).add("Completed", q.completed).add("Abandoned", q.abandoned)
                        .add("ServiceLevel", 0).add("ServicelevelPerf", q.completed > 0 ? "100.0" : "0.0")
                        .add("ServicelevelPerf2", q.completed > 0 ? "100.0" : "0.0").add("Weight", 0).actionId(id));
                for (QueueMember m : q.members) {
                    if (memberFilter.isEmpty() || m.iface.equals(memberFilter) || m.name.equals(memberFilter)) {
                        list.add(m.describe(new Packet().add("Event", "QueueMember"), q.name, pbx).actionId(id));
                    }
                }
                int pos = 1;
                for (QueueCall qc : q.callers) {
                    Channel c = qc.caller;
                    list.add(new Packet().add("Event", "QueueEntry").add("Queue", q.name).add("Position", pos++)
                            .add("Channel", c.name).add("Uniqueid", c.uniqueid).add("CallerIDNum", c.callerIdNum)
                            .add("CallerIDName", c.callerIdName).add("ConnectedLineNum", c.connectedNum)
                            .add("ConnectedLineName", c.connectedName).add("Wait", (now - qc.joinedMillis) / 1000)
                            .add("Priority", 0).actionId(id));
                }
            }
            return list;
        });
        sendList(s, listStart(a, "Queue status will follow"), items, listComplete("QueueStatusComplete", a, items.size()));
    }

    private void queueSummary(AmiSession s, Packet a) {
        String queueName = a.value("Queue");
        String id = a.get("ActionID");
        List<Packet> items = pbx.call(() -> {
            List<Packet> list = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (CallQueue q : pbx.queues.values()) {
                if (!queueName.isEmpty() && !q.name.equals(queueName)) {
                    continue;
                }
                int available = 0;
                for (QueueMember m : q.members) {
                    if (!m.paused && m.status(pbx) == 1) {
                        available++;
                    }
                }
                long longest = 0;
                for (QueueCall qc : q.callers) {
                    longest = Math.max(longest, (now - qc.joinedMillis) / 1000);
                }
                list.add(new Packet().add("Event", "QueueSummary").add("Queue", q.name).add("LoggedIn", q.members.size())
                        .add("Available", available).add("Callers", q.callers.size()).add("HoldTime", q.holdtime())
                        .add("TalkTime", q.talktime()).add("LongestHoldTime", longest).actionId(id));
            }
            return list;
        });
        sendList(s, listStart(a, "Queue summary will follow"), items, listComplete("QueueSummaryComplete", a, items.size()));
    }
}
