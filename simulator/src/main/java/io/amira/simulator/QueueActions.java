package io.amira.simulator;

/** QueueAdd, QueueRemove, QueuePause, with their QueueMember* events. */
final class QueueActions {
    private static final String AGENT = EventClass.privilege(EventClass.AGENT);
    private final Pbx pbx;

    QueueActions(Pbx pbx) {
        this.pbx = pbx;
    }

    void register(ActionDispatcher d) {
        d.register("QueueAdd", this::add);
        d.register("QueueRemove", this::remove);
        d.register("QueuePause", this::pause);
    }

    private Packet memberEvent(String name, CallQueue q, QueueMember m) {
        Packet p = Packet.event(name, AGENT).add("Queue", q.name).add("MemberName", m.name).add("Interface", m.iface)
                .add("StateInterface", m.iface).add("Membership", m.membership).add("Penalty", m.penalty)
                .add("CallsTaken", m.callsTaken).add("LastCall", m.lastCall).add("LastPause", m.lastPause)
                .add("LoginTime", m.loginTime).add("InCall", m.inCall ? 1 : 0).add("Status", m.status(pbx))
                .add("Paused", m.paused ? 1 : 0).add("PausedReason", m.pausedReason).add("Ringinuse", 0)
                .add("Wrapuptime", m.wrapuptime);
        return p;
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
            QueueMember m = new QueueMember(name, iface, "dynamic", System.currentTimeMillis() / 1000);
            m.penalty = DialplanRunner.parseInt(a.value("Penalty"), 0);
            m.paused = Originate.isTrue(a.value("Paused"));
            m.pausedReason = a.value("Reason");
            q.members.add(m);
            pbx.publish(EventClass.AGENT, memberEvent("QueueMemberAdded", q, m));
            return null;
        });
        if (error != null) {
            s.error(a, error);
        } else {
            s.ack(a, "Added interface to queue");
        }
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
                return "Unable to remove interface: Not there";
            }
            q.members.remove(m);
            pbx.publish(EventClass.AGENT, memberEvent("QueueMemberRemoved", q, m));
            return null;
        });
        if (error != null) {
            s.error(a, error);
        } else {
            s.ack(a, "Removed interface from queue");
        }
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
                    pbx.publish(EventClass.AGENT, memberEvent("QueueMemberPause", q, m));
                }
            }
            return any;
        });
        if (found) {
            s.ack(a, pause ? "Interface paused successfully" : "Interface unpaused successfully");
        } else {
            s.error(a, "Interface not found");
        }
    }
}
