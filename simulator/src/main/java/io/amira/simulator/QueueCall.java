package io.amira.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A caller inside Queue(): waits, rings the free members (Local channels), is bridged to the first
 * that answers, and ends as Asterisk 22's app_queue does (transcripts recorded from its queues
 * {@code support} and {@code hold}: simulator/src/test/resources/recordings). PBX thread only.
 */
final class QueueCall {
    private static final String AGENT = ChannelEvents.AGENT;
    /** Asterisk's queues.conf retry: how long a caller waits before the free members are rung again. */
    private static final long RETRY_MILLIS = 2000;

    private final Pbx pbx;
    final CallQueue queue;
    final Channel caller;
    final long joinedMillis = System.currentTimeMillis();
    private final int originalPosition;
    private final List<Ring> ringing = new ArrayList<>();
    private QueueMember member;
    private Channel memberChannel;
    private long connectedMillis;
    private boolean waiting = true;
    private boolean completed;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> retry;

    /** One member being rung: its Local pair, ;1 dialed by the queue, ;2 running the member's extension. */
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
            if (!waiting) {
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
                connectedToCaller(one);
                pbx.publish(EventClass.CALL, ChannelEvents.dial("DialState", caller, one).add("DialStatus", "RINGING"));
            }
        }

        @Override
        public void failed(int reason, int cause, String dialStatus) {
            if (ringing.remove(this)) {
                pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", caller, one).add("DialStatus", dialStatus));
                pbx.hangup(one, cause, false);
                retryLater();
            }
        }

        void cancel(int cause) {
            two.observer = null;
            pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", caller, one).add("DialStatus", "CANCEL"));
            pbx.hangup(one, cause, false);
        }
    }

    private QueueCall(Pbx pbx, CallQueue queue, Channel caller) {
        this.pbx = pbx;
        this.queue = queue;
        this.caller = caller;
        this.originalPosition = queue.callers.size() + 1;
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
        List<QueueMember> free = new ArrayList<>();
        for (QueueMember m : queue.members) {
            if (!m.paused && !m.inCall && m.status(pbx) == 1) {
                free.add(m);
            }
        }
        if (position() > free.size()) {
            // autofill: as many callers ring, in queue order, as members are free.
            free.clear();
        } else if (!"ringall".equals(queue.strategy) && !free.isEmpty()) {
            free.sort(Comparator.comparingLong(m -> m.lastCall));
            free = free.subList(0, 1);
        }
        for (QueueMember m : free) {
            ring(m);
        }
        retryLater();
    }

    /** While nobody rings, tries the free members again after the queue's retry time. */
    private void retryLater() {
        if (waiting && ringing.isEmpty() && retry == null) {
            retry = pbx.later(() -> {
                retry = null;
                if (waiting && ringing.isEmpty()) {
                    ringMembers();
                }
            }, RETRY_MILLIS);
        }
    }

    private void ring(QueueMember m) {
        String dest = m.iface.substring(m.iface.indexOf('/') + 1);
        int at = dest.indexOf('@');
        String exten = at < 0 ? dest : dest.substring(0, at);
        String context = at < 0 ? "default" : dest.substring(at + 1);
        String base = m.iface + "-" + pbx.nextLocalId();
        Channel one = pbx.newChannel(base + ";1", caller.linkedid, m.iface, context, exten);
        Channel two = pbx.newChannel(base + ";2", caller.linkedid, m.iface, context, exten);
        one.localPeer = two;
        two.localPeer = one;
        one.singleApp = new Dialplan.Step("AppQueue", "(Outgoing Line)", 0);
        one.application = "AppQueue";
        one.data = "(Outgoing Line)";
        one.queueCall = this;
        two.state = 4;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, one));
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, two));
        one.context = caller.context;
        one.exten = caller.exten;
        pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(one, one.singleApp));
        for (Channel x : List.of(one, two)) {
            x.callerIdNum = caller.callerIdNum;
            x.callerIdName = caller.callerIdName;
        }
        pbx.publish(EventClass.CALL, ChannelEvents.newCallerid(one));
        pbx.setVariable(one, "DIALEDPEERNUMBER", dest);
        pbx.setVariable(two, "DIALEDPEERNUMBER", dest);
        two.connectedNum = caller.callerIdNum;
        two.connectedName = caller.callerIdName;
        pbx.publish(EventClass.CALL, ChannelEvents.newCallerid(two));
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("NewConnectedLine", ChannelEvents.CALL, two));
        pbx.publish(EventClass.CALL, ChannelEvents.localBridge(one, two));
        pbx.publish(EventClass.AGENT, ChannelEvents.agent("AgentCalled", caller, one)
                .add("Queue", queue.name).add("Interface", m.iface).add("MemberName", m.name));
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialBegin", caller, one).add("DialString", dest));
        Ring r = new Ring(m, one, two);
        ringing.add(r);
        two.observer = r;
        pbx.runner.start(two);
    }

    private void connect(Ring r) {
        waiting = false;
        cancelTimers();
        member = r.m;
        memberChannel = r.one;
        connectedMillis = System.currentTimeMillis();
        Channel one = r.one;
        one.state = 6;
        one.answeredMillis = connectedMillis;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, one));
        connectedToCaller(one);
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", caller, one).add("DialStatus", "ANSWER"));
        for (Ring other : new ArrayList<>(ringing)) {
            ringing.remove(other);
            other.cancel(HangupCause.ANSWERED_ELSEWHERE);
        }
        leaveQueue();
        long hold = (connectedMillis - joinedMillis) / 1000;
        queue.totalHoldSeconds += hold;
        pbx.publish(EventClass.AGENT, ChannelEvents.agent("AgentConnect", caller, one).add("Queue", queue.name)
                .add("Interface", member.iface).add("MemberName", member.name).add("HoldTime", hold)
                .add("RingTime", hold));
        member.inCall = true;
        pbx.membersChanged();
        pbx.bridge(one, caller, this::bridgeBroken);
    }

    private void connectedToCaller(Channel one) {
        one.connectedNum = caller.callerIdNum;
        one.connectedName = caller.callerIdName;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("NewConnectedLine", ChannelEvents.CALL, one));
    }

    private void leaveQueue() {
        int pos = position();
        if (queue.callers.remove(this)) {
            pbx.publish(EventClass.AGENT, ChannelEvents.channelEvent("QueueCallerLeave", AGENT, caller)
                    .add("Queue", queue.name).add("Position", pos).add("Count", queue.callers.size()));
        }
    }

    private void timedOut() {
        if (!waiting) {
            return;
        }
        stopWaiting();
        caller.queueCall = null;
        pbx.runner.next(caller);
    }

    private void stopWaiting() {
        waiting = false;
        cancelTimers();
        for (Ring r : new ArrayList<>(ringing)) {
            ringing.remove(r);
            r.cancel(HangupCause.NORMAL);
        }
        leaveQueue();
    }

    private void cancelTimers() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    /**
     * A channel of this queue call is about to hang up (Pbx.depart): the caller abandons while
     * waiting, or either party of the bridged call completes it. A ringing member's channel only
     * stops ringing.
     */
    void departing(Channel x) {
        if (x == caller && waiting) {
            int pos = position();
            pbx.publish(EventClass.AGENT, ChannelEvents.channelEvent("QueueCallerAbandon", AGENT, caller)
                    .add("Queue", queue.name).add("Position", pos).add("OriginalPosition", originalPosition)
                    .add("HoldTime", (System.currentTimeMillis() - joinedMillis) / 1000));
            queue.abandoned++;
            stopWaiting();
        } else if (x == caller) {
            complete("caller", memberChannel.hungUp);
        } else if (x == memberChannel) {
            complete("agent", false);
        } else {
            ringing.removeIf(r -> r.one == x);
            retryLater();
        }
    }

    /**
     * Redirect of a channel of this queue call. A waiting caller leaves the queue; a bridged party
     * leaves the bridge and the other is released: a caller left alone is hung up. Either way
     * Asterisk reports the call's completion (AgentComplete, Reason caller) when the caller hangs up,
     * without the agent's channel if that is gone by then (recordings queue-redirect, queue-redirect-agent).
     */
    void redirected(Channel x) {
        if (x == caller && waiting) {
            x.queueCall = null;
            stopWaiting();
        } else if (x == caller) {
            memberChannel.queueCall = null;
            Bridge b = caller.bridge;
            pbx.leaveBridge(caller);
            pbx.released(b, false);
        } else if (x == memberChannel) {
            x.queueCall = null;
            Bridge b = x.bridge;
            pbx.leaveBridge(x);
            pbx.released(b, true);
        } else {
            x.queueCall = null;
            ringing.removeIf(r -> {
                if (r.one == x) {
                    r.two.observer = null;
                    return true;
                }
                return false;
            });
            retryLater();
        }
    }

    private void complete(String reason, boolean agentGone) {
        if (completed) {
            return;
        }
        completed = true;
        caller.queueCall = null;
        memberChannel.queueCall = null;
        long talk = (System.currentTimeMillis() - connectedMillis) / 1000;
        Packet p = agentGone ? ChannelEvents.channelEvent("AgentComplete", AGENT, caller)
                : ChannelEvents.agent("AgentComplete", caller, memberChannel);
        pbx.publish(EventClass.AGENT, p.add("Queue", queue.name).add("Interface", member.iface)
                .add("MemberName", member.name).add("HoldTime", (connectedMillis - joinedMillis) / 1000)
                .add("TalkTime", talk).add("Reason", reason));
        queue.completed++;
        queue.totalTalkSeconds += talk;
    }

    /** The bridge broke up: the member is free again, and the party left alone in it ends its part. */
    private void bridgeBroken(List<Channel> alone) {
        member.inCall = false;
        member.callsTaken++;
        member.lastCall = System.currentTimeMillis() / 1000;
        pbx.membersChanged();
        for (Channel x : alone) {
            if (x == memberChannel) {
                pbx.hangup(x, HangupCause.NORMAL, false);
            } else if (x == caller) {
                // The agent left: app_queue hangs the caller up (no more dialplan).
                pbx.hangup(x, HangupCause.NORMAL, true);
            }
        }
    }
}
