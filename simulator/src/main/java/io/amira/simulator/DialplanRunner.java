package io.amira.simulator;

import java.util.Locale;

/** Executes dialplan priorities on a channel: the applications the simulated server knows. */
final class DialplanRunner {
    private final Pbx pbx;

    DialplanRunner(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Runs the channel's current priority; each application moves on, waits, or ends the call. */
    void execute(Channel c) {
        if (c.hungUp) {
            return;
        }
        if (c.singleApp != null) {
            runSingleApp(c);
            return;
        }
        Dialplan.Step step = pbx.dialplan.step(c.context, c.exten, c.priority);
        if (step == null) {
            pbx.hangup(c, HangupCause.NORMAL, false);
            return;
        }
        c.application = step.app;
        c.data = step.data;
        pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(c, step));
        switch (step.app.toLowerCase(Locale.ROOT)) {
            case "answer":
                pbx.answer(c);
                next(c);
                break;
            case "wait":
                c.timer = pbx.later(() -> next(c), scaled(seconds(step.data)));
                break;
            case "playback":
                c.timer = pbx.later(() -> next(c), scaled(1000));
                break;
            case "userevent":
                userEvent(c, step.data);
                next(c);
                break;
            case "set":
                int eq = step.data.indexOf('=');
                if (eq > 0) {
                    pbx.setVariable(c, step.data.substring(0, eq), step.data.substring(eq + 1));
                }
                next(c);
                break;
            case "hangup":
                pbx.hangup(c, parseInt(step.data, HangupCause.NORMAL), true);
                break;
            case "ringing":
                pbx.ringing(c);
                next(c);
                break;
            case "busy":
                pbx.refuse(c, 5, HangupCause.BUSY, "BUSY");
                break;
            case "congestion":
                pbx.refuse(c, 8, HangupCause.CONGESTION, "CONGESTION");
                break;
            case "queue":
                QueueCall.join(pbx, c, step.data);
                break;
            case "echo":
                break;
            default:
                next(c);
                break;
        }
    }

    void next(Channel c) {
        if (c.hungUp) {
            return;
        }
        c.priority++;
        execute(c);
    }

    /** Continues the dialplan at another place (Redirect, after a Queue). */
    void jump(Channel c, String context, String exten, int priority) {
        if (c.timer != null) {
            c.timer.cancel(false);
            c.timer = null;
        }
        c.singleApp = null;
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        execute(c);
    }

    /** The ;1 side of an application Originate runs just that application, then hangs up. */
    private void runSingleApp(Channel c) {
        Dialplan.Step app = c.singleApp;
        c.application = app.app;
        c.data = app.data;
        switch (app.app.toLowerCase(Locale.ROOT)) {
            case "wait":
                c.timer = pbx.later(() -> pbx.hangup(c, HangupCause.NORMAL, false), scaled(seconds(app.data)));
                break;
            case "playback":
                c.timer = pbx.later(() -> pbx.hangup(c, HangupCause.NORMAL, false), scaled(1000));
                break;
            case "hangup":
                pbx.hangup(c, HangupCause.NORMAL, true);
                break;
            case "userevent":
                userEvent(c, app.data);
                pbx.hangup(c, HangupCause.NORMAL, false);
                break;
            default:
                // Echo, Park, MusicOnHold...: stay up until the other side hangs up.
                break;
        }
    }

    /** Runs the h extension of the channel's context, if any, like Asterisk before Hangup. */
    void runHangupExtension(Channel c) {
        if (c.singleApp != null || !pbx.dialplan.exists(c.context, "h")) {
            return;
        }
        c.exten = "h";
        c.priority = 1;
        Dialplan.Step step;
        while ((step = pbx.dialplan.step(c.context, "h", c.priority)) != null) {
            c.application = step.app;
            c.data = step.data;
            pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(c, step));
            c.priority++;
        }
    }

    private void userEvent(Channel c, String data) {
        String[] parts = data.split(",");
        Packet ev = ChannelEvents.channelEvent("UserEvent", EventClass.privilege(EventClass.USER), c)
                .add("UserEvent", parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon > 0) {
                ev.add(parts[i].substring(0, colon).trim(), parts[i].substring(colon + 1).trim());
            }
        }
        pbx.publish(EventClass.USER, ev);
    }

    private long scaled(long millis) {
        return (long) (millis * pbx.waitScale);
    }

    static long seconds(String data) {
        try {
            return (long) (Double.parseDouble(data.trim()) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
