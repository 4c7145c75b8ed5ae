package io.amira.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/** A caller inside Queue(): waits, rings members (Local channels), is bridged to the first that answers. */
final class QueueCall {
    private static final String AGENT = EventClass.privilege(EventClass.AGENT);

    private final Pbx pbx;
    final CallQueue queue;
    final Channel caller;
    final long joinedMillis = System.currentTimeMillis();
    private final List<Ring> ringing = new ArrayList<>();
    private QueueMember member;
    private Channel memberChannel;
    private long connectedMillis;
    private boolean bridged;
    private ScheduledFuture<?> timeout;

    private final class Ring implements Channel.DialObserver {
        final QueueMember m;
        final Channel one;
        final Channel two;

        Ring(QueueMember m, Channel one, Channel two) {
            this.m = m;
            this.one = one;
            this.two = two;
        }

        @Override
        public void answered() {
            ringing.remove(this);
            if (member != null || caller.hungUp) {
                pbx.hangup(one, HangupCause.ANSWERED_ELSEWHERE, false);
                return;
            }
            connect(this);
        }

        @Override
        public void ringing() {
            if (one.state != 5) {
                one.state = 5;
                pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, one));
            }
        }

        @Override
        public void failed(int reason, int cause, String dialStatus) {
            ringing.remove(this);
            pbx.hangup(one, cause, false);
        }
    }

    private QueueCall(Pbx pbx, CallQueue queue, Channel caller) {
        this.pbx = pbx;
        this.queue = queue;
        this.caller = caller;
    }

    /** Queue(name,options,URL,announce,timeout): data as in the dialplan. */
    static void join(Pbx pbx, Channel c, String data) {
        String[] args = data.split(",", -1);
        CallQueue q = pbx.queues.get(args[0]);
        if (q == null) {
            pbx.runner.next(c);
            return;
        }
        QueueCall qc = new QueueCall(pbx, q, c);
        c.queueCall = qc;
        q.callers.add(qc);
        pbx.publish(EventClass.AGENT, ChannelEvents.channelEvent("QueueCallerJoin", AGENT, c)
                .add("Queue", q.name).add("Position", q.callers.size()).add("Count", q.callers.size()));
        long seconds = args.length > 4 ? DialplanRunner.parseInt(args[4], 0) : 0;
        if (seconds > 0) {
            qc.timeout = pbx.later(qc::timedOut, seconds * 1000);
        }
        qc.ringMembers();
    }

    int position() {
        return queue.callers.indexOf(this) + 1;
    }

    private void ringMembers() {
        List<QueueMember> candidates = new ArrayList<>();
        for (QueueMember m : queue.members) {
            if (!m.paused && !m.inCall && !pbx.deviceInUse(m.iface)) {
                candidates.add(m);
            }
        }
        if (!"ringall".equals(queue.strategy) && !candidates.isEmpty()) {
            candidates.sort(Comparator.comparingLong(m -> m.lastCall));
            candidates = candidates.subList(0, 1);
        }
        for (QueueMember m : candidates) {
            ring(m);
        }
    }

    private void ring(QueueMember m) {
        String dest = m.iface.substring(m.iface.indexOf('/') + 1);
        int at = dest.indexOf('@');
        String exten = at < 0 ? dest : dest.substring(0, at);
        String context = at < 0 ? "default" : dest.substring(at + 1);
        if (!m.iface.regionMatches(true, 0, "Local/", 0, 6) || !pbx.dialplan.exists(context, exten)) {
            return;
        }
        String base = m.iface + "-" + pbx.nextLocalId();
        Channel one = pbx.newChannel(base + ";1", caller.linkedid, m.iface, caller.context, caller.exten);
        Channel two = pbx.newChannel(base + ";2", caller.linkedid, m.iface, context, exten);
        for (Channel x : List.of(one, two)) {
            x.callerIdNum = caller.callerIdNum;
            x.callerIdName = caller.callerIdName;
            x.connectedNum = caller.callerIdNum;
            x.connectedName = caller.callerIdName;
        }
        one.localPeer = two;
        two.localPeer = one;
        one.singleApp = new Dialplan.Step("AppQueue", "(Outgoing Line)", 0);
        one.application = "AppQueue";
        one.data = "(Outgoing Line)";
        one.queueCall = this;
        two.state = 4;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, one));
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, two));
        pbx.publish(EventClass.CALL, ChannelEvents.localBridge(one, two));
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialBegin", caller, one).add("DialString", dest));
        pbx.publish(EventClass.AGENT, ChannelEvents.dial("AgentCalled", caller, one)
                .add("Queue", queue.name).add("MemberName", m.name).add("Interface", m.iface));
        Ring r = new Ring(m, one, two);
        ringing.add(r);
        two.observer = r;
        // Ring every member before any of them can answer.
        pbx.execute(() -> pbx.runner.execute(two));
    }

    private void connect(Ring r) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        member = r.m;
        memberChannel = r.one;
        connectedMillis = System.currentTimeMillis();
        Channel one = r.one;
        one.state = 6;
        one.answeredMillis = connectedMillis;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, one));
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", caller, one).add("DialStatus", "ANSWER"));
        String bridge = UUID.randomUUID().toString();
        caller.bridgeId = bridge;
        one.bridgeId = bridge;
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeCreate", bridge, 0, null));
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeEnter", bridge, 1, caller));
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeEnter", bridge, 2, one));
        bridged = true;
        leave();
        member.inCall = true;
        long hold = (connectedMillis - joinedMillis) / 1000;
        queue.totalHoldSeconds += hold;
        pbx.publish(EventClass.AGENT, ChannelEvents.dial("AgentConnect", caller, one).add("Queue", queue.name)
                .add("MemberName", member.name).add("Interface", member.iface).add("RingTime", hold).add("HoldTime", hold));
        for (Ring other : new ArrayList<>(ringing)) {
            ringing.remove(other);
            other.two.observer = null;
            pbx.hangup(other.one, HangupCause.ANSWERED_ELSEWHERE, false);
        }
    }

    private void leave() {
        if (queue.callers.remove(this)) {
            pbx.publish(EventClass.AGENT, ChannelEvents.channelEvent("QueueCallerLeave", AGENT, caller)
                    .add("Queue", queue.name).add("Count", queue.callers.size()).add("Position", 1));
        }
    }

    private void timedOut() {
        if (member != null || caller.hungUp) {
            return;
        }
        leave();
        stopRinging();
        caller.queueCall = null;
        pbx.runner.next(caller);
    }

    private void stopRinging() {
        for (Ring r : new ArrayList<>(ringing)) {
            ringing.remove(r);
            r.two.observer = null;
            pbx.hangup(r.one, HangupCause.NORMAL, false);
        }
    }

    /** Called by Pbx.hangup before the Hangup events: a bridged channel leaves its bridge first. */
    void beforeHangup(Channel x) {
        if (bridged && (x == caller || x == memberChannel)) {
            complete(x == caller ? "caller" : "agent");
        }
    }

    /** Called by Pbx.hangup for the caller, a ringing member channel or the bridged member channel. */
    void channelGone(Channel x) {
        if (x == caller) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (member != null) {
                if (bridged) {
                    complete("caller");
                }
                pbx.hangup(memberChannel, HangupCause.NORMAL, false);
            } else {
                int pos = position();
                pbx.publish(EventClass.AGENT, ChannelEvents.channelEvent("QueueCallerAbandon", AGENT, caller)
                        .add("Queue", queue.name).add("Position", pos).add("OriginalPosition", pos)
                        .add("HoldTime", (System.currentTimeMillis() - joinedMillis) / 1000));
                queue.abandoned++;
                leave();
                stopRinging();
            }
        } else if (x == memberChannel && member != null) {
            if (bridged) {
                complete("agent");
            }
            caller.bridgeId = "";
            caller.queueCall = null;
            if (!caller.hungUp) {
                pbx.runner.next(caller);
            }
        }
    }

    private void complete(String reason) {
        long talk = (System.currentTimeMillis() - connectedMillis) / 1000;
        pbx.publish(EventClass.AGENT, ChannelEvents.dial("AgentComplete", caller, memberChannel).add("Queue", queue.name)
                .add("MemberName", member.name).add("Interface", member.iface)
                .add("HoldTime", (connectedMillis - joinedMillis) / 1000).add("TalkTime", talk).add("Reason", reason));
        String bridge = memberChannel.bridgeId;
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeLeave", bridge, 1, memberChannel));
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeLeave", bridge, 0, caller));
        pbx.publish(EventClass.CALL, ChannelEvents.bridge("BridgeDestroy", bridge, 0, null));
        member.inCall = false;
        member.callsTaken++;
        member.lastCall = System.currentTimeMillis() / 1000;
        queue.completed++;
        queue.totalTalkSeconds += talk;
        memberChannel.bridgeId = "";
        bridged = false;
    }
}
