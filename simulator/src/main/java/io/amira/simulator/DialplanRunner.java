package io.amira.simulator;

import java.util.Locale;

/**
 * Executes dialplan priorities on a channel: the applications the simulated server knows. A
 * channel's priorities run as PBX tasks of their own until it first waits, so calls started
 * together progress side by side and their events interleave (a storm is not played call by
 * call); after a Wait the dialplan goes on in the timer's task up to the next wait, so the
 * demo's {@code Wait(1)}, {@code UserEvent} run before an Originate's own {@code Wait(1)} ends.
 */
final class DialplanRunner {
    private final Pbx pbx;

    DialplanRunner(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Runs the channel's current priority in a task of its own. */
    void start(Channel c) {
        int turn = ++c.turn;
        pbx.execute(() -> {
            if (c.turn == turn) {
                run(c, false);
            }
        });
    }

    /** Moves on to the next priority, in a task of its own. */
    void next(Channel c) {
        if (c.hungUp) {
            return;
        }
        c.priority++;
        start(c);
    }

    /** Runs priorities from the current one until one blocks; inline: all in this task, else one per task. */
    private void run(Channel c, boolean inline) {
        while (step(c) && !c.hungUp) {
            c.priority++;
            if (!inline) {
                start(c);
                return;
            }
        }
    }

    private void resumeAfterWait(Channel c) {
        if (!c.hungUp) {
            c.timer = null;
            c.priority++;
            run(c, true);
        }
    }

    /** Runs the channel's current priority; true when the dialplan moves on to the next one at once. */
    private boolean step(Channel c) {
        if (c.hungUp) {
            return false;
        }
        if (c.singleApp != null) {
            runSingleApp(c);
            return false;
        }
        Dialplan.Step step = pbx.dialplan.step(c.context, c.exten, c.priority);
        if (step == null) {
            pbx.hangup(c, HangupCause.NORMAL, false);
            return false;
        }
        c.application = step.app;
        c.data = step.data;
        pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(c, step));
        switch (step.app.toLowerCase(Locale.ROOT)) {
            case "answer":
                pbx.answer(c);
                return true;
            case "wait":
                c.timer = pbx.later(() -> resumeAfterWait(c), scaled(seconds(step.data)));
                return false;
            case "playback":
                c.timer = pbx.later(() -> resumeAfterWait(c), scaled(1000));
                return false;
            case "userevent":
                userEvent(c, step.data);
                return true;
            case "set":
                int eq = step.data.indexOf('=');
                if (eq > 0) {
                    pbx.setVariable(c, step.data.substring(0, eq), step.data.substring(eq + 1));
                }
                return true;
            case "hangup":
                pbx.hangup(c, parseInt(step.data, HangupCause.NORMAL), true);
                return false;
            case "ringing":
                pbx.ringing(c);
                return true;
            case "busy":
                pbx.refuse(c, 5, HangupCause.BUSY, "BUSY");
                return false;
            case "congestion":
                pbx.refuse(c, 8, HangupCause.CONGESTION, "CONGESTION");
                return false;
            case "queue":
                QueueCall.join(pbx, c, step.data);
                return false;
            case "echo":
                return false;
            default:
                return true;
        }
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
        c.turn++;
        run(c, false);
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
