package io.amira.live;

import io.amira.api.AmiEvent;

/** Builds the events and list items the live view reads, with the headers Asterisk 22 gives them. */
final class Events {

    private Events() {
    }

    static AmiEvent event(String name, String... pairs) {
        AmiEvent.Builder event = AmiEvent.builder(name).server("127.0.0.1:5038");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            event.header(pairs[i], pairs[i + 1]);
        }
        return event.build();
    }

    /** A channel event ({@code Newchannel}, {@code Newstate}, {@code Hangup}...) with the channel's whole state. */
    static AmiEvent channel(String name, String channel, String uniqueId, String linkedId, int state, String... more) {
        String[] pairs = {"Privilege", "call,all", "Channel", channel, "ChannelState", Integer.toString(state),
                "ChannelStateDesc", "x", "CallerIDNum", "100" + uniqueId.charAt(uniqueId.length() - 1),
                "CallerIDName", "Caller", "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>",
                "Context", "demo", "Exten", "100", "Priority", "1", "Uniqueid", uniqueId, "Linkedid", linkedId};
        return event(name, concat(pairs, more));
    }

    static AmiEvent bridge(String name, String bridgeId, String... more) {
        return event(name, concat(new String[] {"BridgeUniqueid", bridgeId, "BridgeType", "basic",
                "BridgeTechnology", "simple_bridge", "BridgeCreator", "<unknown>", "BridgeName", "<unknown>",
                "BridgeNumChannels", "0"}, more));
    }

    /** A BridgeEnter or BridgeLeave: the bridge's and the channel's state. */
    static AmiEvent bridgeChannel(String name, String bridgeId, String channel, String uniqueId, String linkedId) {
        AmiEvent channelPart = channel("x", channel, uniqueId, linkedId, 6);
        String[] pairs = new String[2 * (channelPart.size() - 1)];
        for (int i = 1; i < channelPart.size(); i++) {
            pairs[2 * (i - 1)] = channelPart.headerName(i);
            pairs[2 * (i - 1) + 1] = channelPart.headerValue(i);
        }
        return bridge(name, bridgeId, pairs);
    }

    static AmiEvent member(String name, String queue, String location, int status, boolean paused, boolean inCall) {
        return event(name, "Privilege", "agent,all", "Queue", queue, "MemberName", "Agent " + location,
                "Interface", location, "StateInterface", location, "Membership", "static", "Penalty", "0",
                "CallsTaken", "0", "InCall", inCall ? "1" : "0", "Status", Integer.toString(status),
                "Paused", paused ? "1" : "0", "PausedReason", paused ? "lunch" : "");
    }

    static AmiEvent callerJoin(String name, String queue, String channel, String uniqueId, int position) {
        return channel(name, channel, uniqueId, uniqueId, 6, "Queue", queue, "Position", Integer.toString(position),
                "Count", "0");
    }

    static AmiEvent agent(String name, String queue, String location, String callerUniqueId) {
        return event(name, "Privilege", "agent,all", "Channel", "Local/300@demo-0001;2", "Uniqueid", callerUniqueId,
                "Queue", queue, "Interface", location, "MemberName", "Agent " + location);
    }

    static AmiEvent coreShowChannel(String channel, String uniqueId, String linkedId, int state, String bridgeId,
                                    String duration) {
        return channel("CoreShowChannel", channel, uniqueId, linkedId, state, "Application", "Wait",
                "ApplicationData", "20", "Duration", duration, "BridgeId", bridgeId);
    }

    static AmiEvent queueMember(String queue, String location, int status, boolean paused, boolean inCall) {
        return event("QueueMember", "Queue", queue, "Name", "Agent " + location, "Location", location,
                "StateInterface", location, "Membership", "static", "Penalty", "0", "CallsTaken", "0",
                "InCall", inCall ? "1" : "0", "Status", Integer.toString(status), "Paused", paused ? "1" : "0",
                "PausedReason", "");
    }

    static AmiEvent queueEntry(String queue, int position, String channel, String uniqueId, int waitSeconds) {
        return event("QueueEntry", "Queue", queue, "Position", Integer.toString(position), "Channel", channel,
                "Uniqueid", uniqueId, "CallerIDNum", "5553000", "CallerIDName", "Hold Caller", "Wait",
                Integer.toString(waitSeconds), "Priority", "0");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
