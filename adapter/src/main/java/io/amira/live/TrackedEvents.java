package io.amira.live;

import java.util.List;
import java.util.Set;

/**
 * The events the live view needs, and the login event mask that brings them: channel and bridge
 * events are of Asterisk's {@code call} class, queue and agent events of {@code agent}. Each name
 * also becomes a server-side {@code Filter}, so Asterisk does not send the rest of those classes.
 */
final class TrackedEvents {

    static final String LOGIN_EVENT_MASK = "call,agent";

    static final List<String> NAMES = List.of(
            "Newchannel", "Newstate", "NewCallerid", "NewConnectedLine", "Rename", "Hangup",
            "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy",
            "QueueCallerJoin", "QueueCallerLeave", "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberStatus",
            "QueueMemberPause", "QueueMemberPenalty", "QueueMemberRinginuse", "AgentConnect", "AgentComplete");

    private static final Set<String> LOOKUP = Set.copyOf(NAMES);

    private TrackedEvents() {
    }

    static boolean isTracked(String eventName) {
        return LOOKUP.contains(eventName);
    }
}
