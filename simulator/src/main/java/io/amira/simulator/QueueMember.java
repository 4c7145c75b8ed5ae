package io.amira.simulator;

/** A queue member. PBX thread only. */
final class QueueMember {
    final String name;
    final String iface;
    final String membership;
    int penalty;
    int callsTaken;
    long lastCall;
    long lastPause;
    final long loginTime;
    boolean inCall;
    boolean paused;
    String pausedReason = "";
    int wrapuptime;

    QueueMember(String name, String iface, String membership, long loginTime) {
        this.name = name;
        this.iface = iface;
        this.membership = membership;
        this.loginTime = loginTime;
    }

    /** Device state as Asterisk numbers it: 1 not in use, 2 in use. */
    int status(Pbx pbx) {
        return pbx.deviceInUse(iface) ? 2 : 1;
    }

    Packet describe(Packet p, String queue, Pbx pbx) {
        return p.add("Queue", queue).add("Name", name).add("Location", iface).add("StateInterface", iface)
                .add("Membership", membership).add("Penalty", penalty).add("CallsTaken", callsTaken)
                .add("LastCall", lastCall).add("LastPause", lastPause).add("LoginTime", loginTime)
                .add("InCall", inCall ? 1 : 0).add("Status", status(pbx)).add("Paused", paused ? 1 : 0)
                .add("PausedReason", pausedReason).add("Wrapuptime", wrapuptime);
    }
}
