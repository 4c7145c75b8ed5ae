package io.amira.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Originate and the actions on live channels: Hangup, Redirect, Getvar, Setvar, AbsoluteTimeout. */
final class CallActions {
    private static final List<String> SYSTEM_APPS = List.of("system", "exec", "execif", "trysystem", "eval");

    private final Pbx pbx;

    CallActions(Pbx pbx) {
        this.pbx = pbx;
    }

    void register(ActionDispatcher d) {
        d.register("Originate", this::originate);
        d.register("Hangup", this::hangup);
        d.register("Redirect", this::redirect);
        d.register("Getvar", this::getvar);
        d.register("Setvar", this::setvar);
        d.register("AbsoluteTimeout", this::absoluteTimeout);
    }

    private void originate(AmiSession s, Packet a) {
        String channel = a.value("Channel");
        String app = a.value("Application");
        if (channel.isEmpty()) {
            s.error(a, "Channel not specified");
            return;
        }
        if (!app.isEmpty() && (s.writePerm & EventClass.SYSTEM) == 0 && SYSTEM_APPS.contains(app.toLowerCase())) {
            s.error(a, "Originate Access Forbidden: Application");
            return;
        }
        if (app.isEmpty() && (a.value("Exten").isEmpty() || a.value("Context").isEmpty() || a.value("Priority").isEmpty())) {
            s.error(a, "Originate with 'Exten' requires 'Context' and 'Priority'");
            return;
        }
        int priority = 1;
        if (!a.value("Priority").isEmpty()) {
            try {
                priority = Integer.parseInt(a.value("Priority").trim());
            } catch (NumberFormatException e) {
                s.error(a, "Invalid priority");
                return;
            }
        }
        long timeout = 30_000;
        if (!a.value("Timeout").isEmpty()) {
            try {
                timeout = Long.parseLong(a.value("Timeout").trim());
            } catch (NumberFormatException e) {
                s.error(a, "Invalid timeout");
                return;
            }
        }
        if (channel.indexOf('/') < 0) {
            s.error(a, "Invalid channel");
            return;
        }
        Originate o = new Originate(a, priority, timeout);
        if (o.async) {
            s.ack(a, "Originate successfully queued");
            pbx.execute(() -> o.start(pbx));
            return;
        }
        pbx.execute(() -> o.start(pbx));
        boolean ok = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout + Duration.ofSeconds(5).toMillis());
        // Waits in slices so a session closed meanwhile (or a closed simulator) frees this thread.
        while (!s.isClosed() && System.nanoTime() < deadline) {
            try {
                ok = o.result.get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                break;
            } catch (TimeoutException e) {
                ok = false;
            }
        }
        if (ok) {
            s.ack(a, "Originate successfully queued");
        } else {
            s.error(a, "Originate failed");
        }
    }

    private void hangup(AmiSession s, Packet a) {
        String name = a.value("Channel");
        if (name.isEmpty()) {
            s.error(a, "No channel specified");
            return;
        }
        int cause = DialplanRunner.parseInt(a.value("Cause"), HangupCause.NORMAL);
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            Pattern p;
            try {
                p = Pattern.compile(name.substring(1, name.length() - 1));
            } catch (PatternSyntaxException e) {
                s.error(a, "Regex compile failed on: " + name);
                return;
            }
            List<String> hungUp = pbx.call(() -> {
                List<String> names = new ArrayList<>();
                for (Channel c : pbx.liveChannels()) {
                    if (p.matcher(c.name).find()) {
                        names.add(c.name);
                    }
                }
                for (String n : names) {
                    pbx.hangup(pbx.find(n), cause, true);
                }
                return names;
            });
            String id = a.get("ActionID");
            s.sendReply(new ListReply<>(ListActions.listStart(a, "Channels hung up will follow"), hungUp,
                    n -> new Packet().add("Event", "ChannelHungup").add("Channel", n).actionId(id),
                    ListActions.listComplete("ChannelsHungupListComplete", a, hungUp.size())));
            return;
        }
        boolean found = pbx.call(() -> {
            Channel c = pbx.find(name);
            if (c == null) {
                return false;
            }
            pbx.hangup(c, cause, true);
            return true;
        });
        if (found) {
            s.ack(a, "Channel Hungup");
        } else {
            s.error(a, "No such channel");
        }
    }

    private void redirect(AmiSession s, Packet a) {
        String name = a.value("Channel");
        String extra = a.value("ExtraChannel");
        if (name.isEmpty()) {
            s.error(a, "Channel not specified");
            return;
        }
        if (a.value("Context").isEmpty()) {
            s.error(a, "Context not specified");
            return;
        }
        if (a.value("Exten").isEmpty()) {
            s.error(a, "Exten not specified");
            return;
        }
        if (a.value("Priority").isEmpty()) {
            s.error(a, "Priority not specified");
            return;
        }
        int priority = DialplanRunner.parseInt(a.value("Priority"), -1);
        if (priority < 1) {
            s.error(a, "Priority is invalid");
            return;
        }
        String message = pbx.call(() -> {
            Channel c = pbx.find(name);
            if (c == null) {
                return "!Channel does not exist: " + name;
            }
            Channel x = extra.isEmpty() ? null : pbx.find(extra);
            if (!extra.isEmpty() && x == null) {
                return "!Channel does not exist: " + extra;
            }
            goTo(c, a.value("Context"), a.value("Exten"), priority);
            if (x != null) {
                String ctx = a.value("ExtraContext").isEmpty() ? a.value("Context") : a.value("ExtraContext");
                String ext = a.value("ExtraExten").isEmpty() ? a.value("Exten") : a.value("ExtraExten");
                int pri = DialplanRunner.parseInt(a.value("ExtraPriority"), priority);
                goTo(x, ctx, ext, pri);
                return "Dual Redirect successful";
            }
            return "Redirect successful";
        });
        if (message.startsWith("!")) {
            s.error(a, message.substring(1));
        } else {
            s.ack(a, message);
        }
    }

    private void goTo(Channel c, String context, String exten, int priority) {
        if (c.queueCall != null) {
            c.queueCall.redirected(c);
        } else if (c.bridge != null) {
            Bridge b = c.bridge;
            pbx.leaveBridge(c);
            pbx.released(b, false);
        }
        if (c.state != 6) {
            pbx.answer(c);
        }
        pbx.runner.jump(c, context, exten, priority);
    }

    private void getvar(AmiSession s, Packet a) {
        String variable = a.value("Variable");
        String name = a.value("Channel");
        if (variable.isEmpty()) {
            s.error(a, "No variable specified");
            return;
        }
        String value = pbx.call(() -> {
            if (name.isEmpty()) {
                return pbx.globals.getOrDefault(variable, "");
            }
            Channel c = pbx.find(name);
            if (c == null) {
                return null;
            }
            switch (variable) {
                case "CALLERID(num)": return c.callerIdNum;
                case "CALLERID(name)": return c.callerIdName;
                case "CHANNEL(state)": return c.stateDesc();
                case "UNIQUEID": return c.uniqueid;
                default: return c.variables.getOrDefault(variable, pbx.globals.getOrDefault(variable, ""));
            }
        });
        if (value == null) {
            s.error(a, "No such channel");
            return;
        }
        s.send(Packet.response("Success", a.get("ActionID")).add("Variable", variable).add("Value", value));
    }

    private void setvar(AmiSession s, Packet a) {
        String variable = a.value("Variable");
        String name = a.value("Channel");
        if (variable.isEmpty()) {
            s.error(a, "No variable specified");
            return;
        }
        boolean found = pbx.call(() -> {
            Channel c = name.isEmpty() ? null : pbx.find(name);
            if (!name.isEmpty() && c == null) {
                return false;
            }
            pbx.setVariable(c, variable, a.value("Value"));
            return true;
        });
        if (found) {
            s.ack(a, "Variable Set");
        } else {
            s.error(a, "No such channel");
        }
    }

    private void absoluteTimeout(AmiSession s, Packet a) {
        String name = a.value("Channel");
        if (name.isEmpty()) {
            s.error(a, "No channel specified");
            return;
        }
        long seconds = DialplanRunner.parseInt(a.value("Timeout"), 0);
        boolean found = pbx.call(() -> {
            Channel c = pbx.find(name);
            if (c == null) {
                return false;
            }
            if (c.absoluteTimeout != null) {
                c.absoluteTimeout.cancel(false);
                c.absoluteTimeout = null;
            }
            if (seconds > 0) {
                c.absoluteTimeout = pbx.later(() -> pbx.hangup(c, HangupCause.NORMAL, true), seconds * 1000);
            }
            return true;
        });
        if (found) {
            s.ack(a, "Timeout Set");
        } else {
            s.error(a, "No such channel");
        }
    }
}
