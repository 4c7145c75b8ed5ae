package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The list actions: a Success with EventList: start, the items carrying the ActionID, then
 * ...Complete. Each snapshot is taken on the PBX thread and queued in the same task
 * ({@link AmiSession#sendSnapshot}), so an answer agrees exactly with the events the session
 * received before it.
 */
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
        d.register("BridgeList", this::bridgeList);
        d.register("BridgeInfo", this::bridgeInfo);
    }

    static Packet listStart(Packet action, String message) {
        return Packet.response("Success", action.get("ActionID")).add("EventList", "start").add("Message", message);
    }

    static Packet listComplete(String event, Packet action, int items) {
        return new Packet().add("Event", event).actionId(action.get("ActionID")).add("EventList", "Complete")
                .add("ListItems", items);
    }

    private static ListReply<Packet> packets(Packet start, List<Packet> items, Packet complete) {
        return new ListReply<>(start, items, p -> p, complete);
    }

    private static List<ChannelView> views(List<Channel> channels) {
        List<ChannelView> views = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            views.add(c.view());
        }
        return views;
    }

    private void status(AmiSession s, Packet a) {
        String name = a.value("Channel");
        String id = a.get("ActionID");
        boolean found = pbx.call(() -> {
            List<Channel> channels = pbx.liveChannels();
            if (!name.isEmpty()) {
                Channel c = pbx.find(name);
                if (c == null) {
                    return false;
                }
                channels = List.of(c);
            }
            List<ChannelView> views = views(channels);
            s.sendSnapshot(new ListReply<>(listStart(a, "Channel status will follow"), views, v -> statusItem(v, id),
                    listComplete("StatusComplete", a, views.size()).add("Items", views.size())));
            return true;
        });
        if (!found) {
            s.error(a, "No such channel");
        }
    }

    private static Packet statusItem(ChannelView c, String actionId) {
        return c.addTo(Packet.event("Status", "Call"), "")
                .add("Type", c.name().substring(0, c.name().indexOf('/'))).add("DNID", "")
                .add("EffectiveConnectedLineNum", c.connectedNum()).add("EffectiveConnectedLineName", c.connectedName())
                .add("TimeToHangup", 0).add("BridgeID", c.bridgeId()).add("Application", c.application())
                .add("Data", c.data()).add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", 0).add("Pickupgroup", 0)
                .add("Seconds", c.seconds(System.currentTimeMillis())).actionId(actionId);
    }

    private void coreShowChannels(AmiSession s, Packet a) {
        String id = a.get("ActionID");
        pbx.call(() -> {
            List<ChannelView> views = views(pbx.liveChannels());
            s.sendSnapshot(new ListReply<>(listStart(a, "Channels will follow"), views, v -> coreShowChannel(v, id),
                    listComplete("CoreShowChannelsComplete", a, views.size())));
            return null;
        });
    }

    private static Packet coreShowChannel(ChannelView c, String actionId) {
        long sec = c.seconds(System.currentTimeMillis());
        return c.addTo(new Packet().add("Event", "CoreShowChannel").actionId(actionId), "")
                .add("Application", c.application()).add("ApplicationData", c.data())
                .add("Duration", twoDigits(sec / 3600) + ":" + twoDigits((sec / 60) % 60) + ":" + twoDigits(sec % 60))
                .add("BridgeId", c.bridgeId());
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private void queueStatus(AmiSession s, Packet a) {
        String queueName = a.value("Queue");
        String memberFilter = a.value("Member");
        String id = a.get("ActionID");
        pbx.call(() -> {
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
            s.sendSnapshot(packets(listStart(a, "Queue status will follow"), list,
                    listComplete("QueueStatusComplete", a, list.size())));
            return null;
        });
    }

    private void queueSummary(AmiSession s, Packet a) {
        String queueName = a.value("Queue");
        String id = a.get("ActionID");
        pbx.call(() -> {
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
            s.sendSnapshot(packets(listStart(a, "Queue summary will follow"), list,
                    listComplete("QueueSummaryComplete", a, list.size())));
            return null;
        });
    }

    /** BridgeList; like Asterisk 22, its BridgeType filter is compared with the bridge's technology. */
    private void bridgeList(AmiSession s, Packet a) {
        String technology = a.value("BridgeType");
        String id = a.get("ActionID");
        pbx.call(() -> {
            List<Packet> list = new ArrayList<>();
            for (Bridge b : pbx.bridges.values()) {
                Packet item = b.addTo(new Packet().add("Event", "BridgeListItem").actionId(id));
                if (technology.isEmpty() || technology.equals(item.get("BridgeTechnology"))) {
                    list.add(item);
                }
            }
            s.sendSnapshot(packets(listStart(a, "Bridge listing will follow"), list,
                    listComplete("BridgeListComplete", a, list.size())));
            return null;
        });
    }

    private void bridgeInfo(AmiSession s, Packet a) {
        String bridgeId = a.value("BridgeUniqueid");
        String id = a.get("ActionID");
        if (bridgeId.isEmpty()) {
            s.error(a, "BridgeUniqueid must be provided");
            return;
        }
        boolean found = pbx.call(() -> {
            Bridge b = pbx.bridges.get(bridgeId);
            if (b == null) {
                return false;
            }
            List<Packet> list = new ArrayList<>();
            for (Channel c : b.channels) {
                list.add(ChannelEvents.snapshot(new Packet().add("Event", "BridgeInfoChannel").actionId(id), "", c));
            }
            s.sendSnapshot(packets(listStart(a, "Bridge channel listing will follow"), list,
                    b.addTo(listComplete("BridgeInfoComplete", a, list.size()))));
            return true;
        });
        if (!found) {
            s.error(a, "Specified BridgeUniqueid not found");
        }
    }
}
