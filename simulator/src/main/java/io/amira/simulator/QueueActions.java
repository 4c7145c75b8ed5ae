package io.amira.simulator;

/**
 * QueueAdd, QueueRemove, QueuePause, with their QueueMember* events and the queue's pause device
 * state ({@code Queue:support_pause_Local/902@demo}), as Asterisk 22 words them.
 */
final class QueueActions {
    private final Pbx pbx;

    QueueActions(Pbx pbx) {
        this.pbx = pbx;
    }

    void register(ActionDispatcher d) {
        d.register("QueueAdd", this::add);
        d.register("QueueRemove", this::remove);
        d.register("QueuePause", this::pause);
    }

    private void add(AmiSession s, Packet a) {
        String queue = a.value("Queue");
        String iface = a.value("Interface");
        if (queue.isEmpty()) {
            s.error(a, "'Queue' not specified.");
            return;
        }
        if (iface.isEmpty()) {
            s.error(a, "'Interface' not specified.");
            return;
        }
        String error = pbx.call(() -> {
            CallQueue q = pbx.queues.get(queue);
            if (q == null) {
                return "Unable to add interface to queue: No such queue";
            }
            if (q.member(iface) != null) {
                return "Unable to add interface: Already there";
            }
            String name = a.value("MemberName").isEmpty() ? iface : a.value("MemberName");
            QueueMember m = new QueueMember(name, iface, "dynamic", System.currentTimeMillis() / 1000,
                    pbx.interfaceExists(iface));
            m.penalty = DialplanRunner.parseInt(a.value("Penalty"), 0);
            m.paused = Originate.isTrue(a.value("Paused"));
            m.pausedReason = a.value("Reason");
            q.members.add(m);
            publishPauseState(q, m);
            pbx.publish(EventClass.AGENT, m.event("QueueMemberAdded", q.name, pbx));
            m.announced(pbx);
            return null;
        });
        reply(s, a, error, "Added interface to queue");
    }

    private void remove(AmiSession s, Packet a) {
        String queue = a.value("Queue");
        String iface = a.value("Interface");
        if (queue.isEmpty() || iface.isEmpty()) {
            s.error(a, "Need 'Queue' and 'Interface' parameters.");
            return;
        }
        String error = pbx.call(() -> {
            CallQueue q = pbx.queues.get(queue);
            if (q == null) {
                return "Unable to remove interface from queue: No such queue";
            }
            QueueMember m = q.member(iface);
            if (m == null) {
                return "Unable to remove interface: Not there";
            }
            if (!"dynamic".equals(m.membership)) {
                return "Member not dynamic";
            }
            q.members.remove(m);
            pbx.publish(EventClass.AGENT, m.event("QueueMemberRemoved", q.name, pbx));
            return null;
        });
        reply(s, a, error, "Removed interface from queue");
    }

    private void pause(AmiSession s, Packet a) {
        String iface = a.value("Interface");
        String paused = a.value("Paused");
        if (iface.isEmpty() || paused.isEmpty()) {
            s.error(a, "Need 'Interface' and 'Paused' parameters.");
            return;
        }
        boolean pause = Originate.isTrue(paused);
        String queue = a.value("Queue");
        boolean found = pbx.call(() -> {
            boolean any = false;
            for (CallQueue q : pbx.queues.values()) {
                QueueMember m = queue.isEmpty() || q.name.equals(queue) ? q.member(iface) : null;
                if (m != null) {
                    any = true;
                    m.paused = pause;
                    m.pausedReason = pause ? a.value("Reason") : "";
                    m.lastPause = pause ? System.currentTimeMillis() / 1000 : m.lastPause;
                    publishPauseState(q, m);
                    pbx.publish(EventClass.AGENT, m.event("QueueMemberPause", q.name, pbx));
                }
            }
            return any;
        });
        reply(s, a, found ? null : "Interface not found",
                pause ? "Interface paused successfully" : "Interface unpaused successfully");
    }

    private void publishPauseState(CallQueue q, QueueMember m) {
        pbx.publish(EventClass.CALL, ChannelEvents.deviceState("Queue:" + q.name + "_pause_" + m.iface,
                m.paused ? "INUSE" : "NOT_INUSE"));
    }

    private static void reply(AmiSession s, Packet a, String error, String success) {
        if (error != null) {
            s.error(a, error);
        } else {
            s.ack(a, success);
        }
    }
}
