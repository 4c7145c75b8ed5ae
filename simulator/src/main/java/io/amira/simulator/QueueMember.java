package io.amira.simulator;

/** A queue member. PBX thread only. */
final class QueueMember {
    private static final String AGENT = ChannelEvents.AGENT;

    final String name;
    final String iface;
    final String membership;
    /** False for a Local interface to an extension the dialplan lacks: its status is 4 (invalid). */
    private final boolean exists;
    int penalty;
    int callsTaken;
    long lastCall;
    long lastPause;
    final long loginTime;
    boolean inCall;
    boolean paused;
    String pausedReason = "";
    int wrapuptime;
    /** What the last member event said, to announce every change (Pbx.endOfTask). */
    private int announcedStatus = -1;
    private boolean announcedInCall;
    private int announcedCallsTaken;

    QueueMember(String name, String iface, String membership, long loginTime, boolean exists) {
        this.name = name;
        this.iface = iface;
        this.membership = membership;
        this.loginTime = loginTime;
        this.exists = exists;
    }

    /** Device state as Asterisk numbers it: 1 not in use, 2 in use, 4 invalid. */
    int status(Pbx pbx) {
        return !exists ? 4 : pbx.deviceInUse(iface) ? 2 : 1;
    }

    /** A QueueMember item of QueueStatus. */
    Packet describe(Packet p, String queue, Pbx pbx) {
        return p.add("Queue", queue).add("Name", name).add("Location", iface).add("StateInterface", iface)
                .add("Membership", membership).add("Penalty", penalty).add("CallsTaken", callsTaken)
                .add("LastCall", lastCall).add("LastPause", lastPause).add("LoginTime", loginTime)
                .add("InCall", inCall ? 1 : 0).add("Status", status(pbx)).add("Paused", paused ? 1 : 0)
                .add("PausedReason", pausedReason).add("Wrapuptime", wrapuptime);
    }

    /** QueueMemberStatus, QueueMemberAdded, QueueMemberRemoved, QueueMemberPause: one shape (Asterisk 22). */
    Packet event(String eventName, String queue, Pbx pbx) {
        return Packet.event(eventName, AGENT).add("Queue", queue).add("MemberName", name).add("Interface", iface)
                .add("StateInterface", iface).add("Membership", membership).add("Penalty", penalty)
                .add("CallsTaken", callsTaken).add("LastCall", lastCall).add("LastPause", lastPause)
                .add("LoginTime", loginTime).add("InCall", inCall ? 1 : 0).add("Status", status(pbx))
                .add("Paused", paused ? 1 : 0).add("PausedReason", pausedReason).add("Ringinuse", 0)
                .add("Wrapuptime", wrapuptime);
    }

    void announced(Pbx pbx) {
        announcedStatus = status(pbx);
        announcedInCall = inCall;
        announcedCallsTaken = callsTaken;
    }

    boolean changedSinceAnnounced(Pbx pbx) {
        return announcedStatus != status(pbx) || announcedInCall != inCall || announcedCallsTaken != callsTaken;
    }
}
