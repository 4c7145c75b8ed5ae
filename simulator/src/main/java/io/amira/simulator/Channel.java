package io.amira.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** One channel's state. Touched only on the PBX thread. */
final class Channel {
    /** Who waits for this dialed channel to answer: an Originate or a queue ringing a member. */
    interface DialObserver {
        void answered();

        void ringing();

        /** reason: OriginateResponse Reason; dialStatus: DialEnd DialStatus. */
        void failed(int reason, int cause, String dialStatus);
    }

    final String name;
    final String uniqueid;
    final String linkedid;
    final String device;
    final long createdMillis = System.currentTimeMillis();
    int state;
    String callerIdNum = "<unknown>";
    String callerIdName = "<unknown>";
    String connectedNum = "<unknown>";
    String connectedName = "<unknown>";
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String data = "";
    /** The bridge the channel is in, or null. */
    Bridge bridge;
    long answeredMillis;
    boolean hungUp;
    /** The other half of a Local channel pair. */
    Channel localPeer;
    /** Runs one application instead of the dialplan (the ;1 side of an application Originate). */
    Dialplan.Step singleApp;
    DialObserver observer;
    /** Set while the channel is queued, ringing a member or bridged to one. */
    QueueCall queueCall;
    ScheduledFuture<?> timer;
    /** Counts scheduled dialplan steps: a step scheduled before a Redirect does not run after it. */
    int turn;
    ScheduledFuture<?> absoluteTimeout;
    final Map<String, String> variables = new LinkedHashMap<>();

    Channel(String name, String uniqueid, String linkedid, String device, String context, String exten) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid == null ? uniqueid : linkedid;
        this.device = device;
        this.context = context;
        this.exten = exten;
    }

    ChannelView view() {
        return new ChannelView(name, state, callerIdNum, callerIdName, connectedNum, connectedName, accountCode, context,
                exten, priority, uniqueid, linkedid, application, data, bridge == null ? "" : bridge.id, createdMillis);
    }

    String stateDesc() {
        return stateDesc(state);
    }

    static String stateDesc(int state) {
        switch (state) {
            case 0: return "Down";
            case 1: return "Rsrvd";
            case 2: return "OffHook";
            case 3: return "Dialing";
            case 4: return "Ring";
            case 5: return "Ringing";
            case 6: return "Up";
            case 7: return "Busy";
            default: return "Unknown";
        }
    }

    String callerIdHeader() {
        boolean noName = callerIdName.equals("<unknown>") || callerIdName.isEmpty();
        boolean noNum = callerIdNum.equals("<unknown>") || callerIdNum.isEmpty();
        if (noName && noNum) {
            return "";
        }
        return noName ? "<" + callerIdNum + ">" : "\"" + callerIdName + "\" <" + (noNum ? "" : callerIdNum) + ">";
    }

    void cancelTimers() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (absoluteTimeout != null) {
            absoluteTimeout.cancel(false);
            absoluteTimeout = null;
        }
    }

}
