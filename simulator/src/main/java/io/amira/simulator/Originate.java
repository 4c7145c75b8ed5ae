package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One Originate through a Local channel pair: ;1 is the originated channel (it runs the
 * Application, or the Context/Exten/Priority, once answered), ;2 runs the dialed extension.
 * Events in the order of transcript 06.
 */
final class Originate implements Channel.DialObserver {
    final String channel;
    final String context;
    final String exten;
    final int priority;
    final String application;
    final String data;
    final long timeoutMillis;
    final String callerIdNum;
    final String callerIdName;
    final List<String[]> variables;
    final String account;
    final boolean async;
    final String actionId;
    final String channelId;
    final String otherChannelId;
    /** Sync Originate: true once answered, false when it failed. */
    final CompletableFuture<Boolean> result = new CompletableFuture<>();

    private Pbx pbx;
    private Channel one;
    private Channel two;
    private boolean dialBegun;
    private ScheduledFuture<?> timeout;

    Originate(Packet a, int priority, long timeoutMillis) {
        this.channel = a.value("Channel");
        this.context = a.value("Context");
        this.exten = a.value("Exten");
        this.priority = priority;
        this.application = a.value("Application");
        this.data = a.value("Data");
        this.timeoutMillis = timeoutMillis;
        this.account = a.value("Account");
        this.async = isTrue(a.value("Async"));
        this.actionId = a.get("ActionID");
        this.channelId = a.value("ChannelId");
        this.otherChannelId = a.value("OtherChannelId");
        String[] cid = parseCallerId(a.value("CallerID"));
        this.callerIdName = cid[0];
        this.callerIdNum = cid[1];
        this.variables = new ArrayList<>();
        for (String v : a.getAll("Variable")) {
            for (String part : v.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    variables.add(new String[] {part.substring(0, eq), part.substring(eq + 1)});
                }
            }
        }
    }

    /** Starts the call on the PBX thread. */
    void start(Pbx pbx) {
        this.pbx = pbx;
        String dest = channel.substring(channel.indexOf('/') + 1);
        int slash = dest.indexOf('/');
        if (slash >= 0) {
            dest = dest.substring(0, slash);
        }
        int at = dest.indexOf('@');
        String destExten = at < 0 ? dest : dest.substring(0, at);
        String destContext = at < 0 ? "default" : dest.substring(at + 1);
        if (!channel.regionMatches(true, 0, "Local/", 0, 6) || !pbx.dialplan.exists(destContext, destExten)) {
            finish(false, 0, null);
            return;
        }
        String device = "Local/" + destExten + "@" + destContext;
        String base = device + "-" + pbx.nextLocalId();
        one = pbx.newChannel(base + ";1", channelId, null, device, destContext, destExten);
        two = pbx.newChannel(base + ";2", otherChannelId, one.uniqueid, device, destContext, destExten);
        one.localPeer = two;
        two.localPeer = one;
        one.accountCode = account;
        two.accountCode = account;
        two.state = 4;
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, one));
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, two));
        one.application = "AppDial2";
        one.data = "(Outgoing Line)";
        pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(one, new Dialplan.Step("AppDial2", "(Outgoing Line)", 0)));
        for (String[] v : variables) {
            pbx.setVariable(one, v[0], v[1]);
        }
        if (callerIdNum != null) {
            one.callerIdNum = callerIdNum;
            one.callerIdName = callerIdName;
            pbx.publish(EventClass.CALL, ChannelEvents.newCallerid(one));
            one.connectedNum = callerIdNum;
            one.connectedName = callerIdName;
            pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("NewConnectedLine", ChannelEvents.CALL, one));
        }
        for (String[] v : variables) {
            pbx.setVariable(two, v[0], v[1]);
        }
        if (callerIdNum != null) {
            two.callerIdNum = callerIdNum;
            two.callerIdName = callerIdName;
            two.connectedNum = callerIdNum;
            two.connectedName = callerIdName;
            pbx.publish(EventClass.CALL, ChannelEvents.newCallerid(two));
            pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("NewConnectedLine", ChannelEvents.CALL, two));
        }
        two.observer = this;
        timeout = pbx.later(this::noAnswer, timeoutMillis);
        // Asterisk creates the pair, then bridges it and starts ;2 from other threads: other calls' events come between.
        pbx.execute(() -> {
            if (!two.hungUp) {
                pbx.publish(EventClass.CALL, ChannelEvents.localBridge(one, two));
                pbx.runner.start(two);
            }
        });
    }

    private void dialBegin() {
        if (!dialBegun) {
            dialBegun = true;
            pbx.publish(EventClass.CALL, ChannelEvents.dial("DialBegin", null, one)
                    .add("DialString", one.device.substring(6)));
        }
    }

    @Override
    public void answered() {
        timeout.cancel(false);
        dialBegin();
        one.state = 6;
        one.answeredMillis = System.currentTimeMillis();
        pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, one));
        pbx.publishDeviceState(one);
        finish(true, 4, one.uniqueid);
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", null, one).add("DialStatus", "ANSWER"));
        pbx.publishDeviceState(one);
        if (!application.isEmpty()) {
            one.singleApp = new Dialplan.Step(application, data, 0);
        } else {
            one.context = context;
            one.exten = exten;
            one.priority = priority;
        }
        // ;1 runs on its own thread in Asterisk; here it starts one task later, after ;2 has moved
        // on to its next priority, so that ;2's Wait(1) ends before ;1's (the demo's UserEvent is seen).
        pbx.execute(() -> pbx.runner.start(one));
    }

    @Override
    public void ringing() {
        dialBegin();
        if (one.state != 5) {
            one.state = 5;
            pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, one));
        }
    }

    @Override
    public void failed(int reason, int cause, String dialStatus) {
        timeout.cancel(false);
        if (one.hungUp) {
            finish(false, reason, one.uniqueid);
            return;
        }
        dialBegin();
        pbx.publish(EventClass.CALL, ChannelEvents.dial("DialEnd", null, one).add("DialStatus", dialStatus));
        finish(false, reason, one.uniqueid);
        pbx.hangup(one, cause, false);
    }

    private void noAnswer() {
        if (two.observer == this) {
            two.observer = null;
            failed(1, HangupCause.NO_ANSWER, "NOANSWER");
        }
    }

    /** Async: the OriginateResponse event; sync: completes the waiting action. */
    private void finish(boolean success, int reason, String uniqueid) {
        if (!async) {
            result.complete(success);
            return;
        }
        Packet p = Packet.event("OriginateResponse", ChannelEvents.CALL).actionId(actionId)
                .add("Response", success ? "Success" : "Failure").add("Channel", one != null ? one.name : channel);
        if (!application.isEmpty()) {
            p.add("Application", application).add("Data", data);
        } else {
            p.add("Context", context).add("Exten", exten);
        }
        p.add("Reason", reason).add("Uniqueid", uniqueid == null ? "<null>" : uniqueid)
                .add("CallerIDNum", callerIdNum == null ? "<unknown>" : callerIdNum)
                .add("CallerIDName", callerIdName == null || callerIdName.isEmpty() ? "<unknown>" : callerIdName);
        pbx.publish(EventClass.CALL, p);
    }

    /** {@code "Name" <num>}, {@code Name <num>} or {@code num}: returns {name, num}, num null when absent. */
    static String[] parseCallerId(String cid) {
        if (cid == null || cid.isBlank()) {
            return new String[] {null, null};
        }
        int lt = cid.indexOf('<');
        int gt = cid.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            String name = cid.substring(0, lt).trim();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {name.isEmpty() ? "<unknown>" : name, cid.substring(lt + 1, gt)};
        }
        return new String[] {"<unknown>", cid.trim()};
    }

    static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("t"));
    }
}
