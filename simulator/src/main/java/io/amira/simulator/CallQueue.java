package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;

/** A queue (queues.conf): its members, its waiting callers, its statistics. PBX thread only. */
final class CallQueue {
    final String name;
    final String strategy;
    final List<QueueMember> members = new ArrayList<>();
    final List<QueueCall> callers = new ArrayList<>();
    int completed;
    int abandoned;
    long totalHoldSeconds;
    long totalTalkSeconds;

    CallQueue(String name, String strategy) {
        this.name = name;
        this.strategy = strategy;
    }

    QueueMember member(String iface) {
        for (QueueMember m : members) {
            if (m.iface.equalsIgnoreCase(iface)) {
                return m;
            }
        }
        return null;
    }

    long holdtime() {
        return completed == 0 ? 0 : totalHoldSeconds / completed;
    }

    long talktime() {
        return completed == 0 ? 0 : totalTalkSeconds / completed;
    }
}
