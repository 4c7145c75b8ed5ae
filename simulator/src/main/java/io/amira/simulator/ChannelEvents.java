package io.amira.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Builds the call events as Asterisk 22 words them (header names and order from the transcripts). */
final class ChannelEvents {
    static final String CALL = EventClass.privilege(EventClass.CALL);
    static final String DIALPLAN = EventClass.privilege(EventClass.DIALPLAN);
    static final String AGENT = EventClass.privilege(EventClass.AGENT);
    private static final DateTimeFormatter CDR_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private ChannelEvents() {
    }

    static Packet snapshot(Packet p, String prefix, Channel c) {
        return c.view().addTo(p, prefix);
    }

    static Packet channelEvent(String name, String privilege, Channel c) {
        return snapshot(Packet.event(name, privilege), "", c);
    }

    static Packet newexten(Channel c, Dialplan.Step step) {
        return channelEvent("Newexten", DIALPLAN, c).add("Extension", c.exten).add("Application", step.app)
                .add("AppData", step.data);
    }

    static Packet varSet(Channel c, String variable, String value) {
        return channelEvent("VarSet", DIALPLAN, c).add("Variable", variable).add("Value", value);
    }

    static Packet newCallerid(Channel c) {
        return channelEvent("NewCallerid", CALL, c).add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
    }

    static Packet localBridge(Channel one, Channel two) {
        Packet p = Packet.event("LocalBridge", CALL);
        snapshot(p, "LocalOne", one);
        snapshot(p, "LocalTwo", two);
        return p.add("Context", two.context).add("Exten", two.exten).add("LocalOptimization", "Yes");
    }

    /** DialBegin, DialState, DialEnd: the caller's snapshot (if any), then the dialed channel's (Dest). */
    static Packet dial(String name, Channel caller, Channel dest) {
        return twoParties(name, CALL, caller, dest);
    }

    /** AgentCalled, AgentConnect, AgentComplete: the queue caller, then the member's channel (Dest); class agent. */
    static Packet agent(String name, Channel caller, Channel member) {
        return twoParties(name, AGENT, caller, member);
    }

    private static Packet twoParties(String name, String privilege, Channel caller, Channel dest) {
        Packet p = Packet.event(name, privilege);
        if (caller != null) {
            snapshot(p, "", caller);
        }
        return snapshot(p, "Dest", dest);
    }

    static Packet hangup(String name, Channel c, int cause, boolean withText) {
        Packet p = channelEvent(name, CALL, c).add("Cause", cause);
        return withText ? p.add("Cause-txt", HangupCause.text(cause)) : p;
    }

    /** BridgeCreate / BridgeDestroy (no channel), BridgeEnter / BridgeLeave (with the channel's snapshot). */
    static Packet bridge(String name, Bridge b, Channel c) {
        Packet p = b.addTo(Packet.event(name, CALL));
        return c == null ? p : snapshot(p, "", c);
    }

    static Packet deviceState(String device, String state) {
        return Packet.event("DeviceStateChange", CALL).add("Device", device).add("State", state);
    }

    static Packet cdr(Channel c, String destinationChannel, long endMillis) {
        String disposition = c.answeredMillis > 0 ? "ANSWERED" : "NO ANSWER";
        long duration = (endMillis - c.createdMillis) / 1000;
        long billable = c.answeredMillis > 0 ? (endMillis - c.answeredMillis) / 1000 : 0;
        String source = c.callerIdNum.equals("<unknown>") ? "" : c.callerIdNum;
        return Packet.event("Cdr", EventClass.privilege(EventClass.CDR))
                .add("AccountCode", c.accountCode).add("Source", source).add("Destination", c.exten)
                .add("DestinationContext", c.context).add("CallerID", c.callerIdHeader()).add("Channel", c.name)
                .add("DestinationChannel", destinationChannel == null ? "" : destinationChannel)
                .add("LastApplication", c.application).add("LastData", c.data)
                .add("StartTime", time(c.createdMillis))
                .add("AnswerTime", c.answeredMillis > 0 ? time(c.answeredMillis) : "")
                .add("EndTime", time(endMillis)).add("Duration", duration).add("BillableSeconds", billable)
                .add("Disposition", disposition).add("AMAFlags", "DOCUMENTATION").add("UniqueID", c.uniqueid)
                .add("UserField", "");
    }

    private static String time(long millis) {
        return CDR_TIME.format(Instant.ofEpochMilli(millis));
    }
}
