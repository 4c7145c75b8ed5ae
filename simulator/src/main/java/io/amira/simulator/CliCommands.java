package io.amira.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The few CLI commands the simulator answers, formatted like Asterisk 22. PBX thread only. */
final class CliCommands {
    static final String VERSION = "22.10.1";

    /** The command's verdict and its output lines, possibly made as they are read (dialplan show). */
    static final class Result {
        final boolean ok;
        final Iterator<String> lines;

        Result(boolean ok, List<String> lines) {
            this(ok, lines.iterator());
        }

        Result(boolean ok, Iterator<String> lines) {
            this.ok = ok;
            this.lines = lines;
        }
    }

    private final Pbx pbx;
    private final long startMillis = System.currentTimeMillis();

    CliCommands(Pbx pbx) {
        this.pbx = pbx;
    }

    Result run(String command) {
        String[] w = command.trim().split("\\s+");
        String c = String.join(" ", w).toLowerCase(Locale.ROOT);
        if (c.equals("core show channels")) {
            return new Result(true, channels());
        }
        if (c.equals("core show version")) {
            return new Result(true, List.of("Asterisk " + VERSION + " built by root @ vm on a x86_64 running Linux on 2026-11-22 21:24:12 UTC"));
        }
        if (c.equals("core show uptime")) {
            long s = (System.currentTimeMillis() - startMillis) / 1000;
            return new Result(true, List.of("System uptime: " + s + " seconds", "Last reload: " + s + " seconds"));
        }
        if (c.equals("queue show") || c.startsWith("queue show ")) {
            return queueShow(w.length > 2 ? w[2] : null);
        }
        if (c.equals("dialplan show") || c.startsWith("dialplan show ")) {
            return dialplanShow(w.length > 2 ? w[2] : null);
        }
        String best = w.length >= 2 ? w[0] + " " + w[1] : w[0];
        return new Result(false, List.of("No such command '" + command.trim() + "' (type 'core show help " + best
                + "' for other possible commands)"));
    }

    private List<String> channels() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-64.64s %-32.32s %-7.7s %-30.30s", "Channel", "Location", "State", "Application(Data)"));
        Set<String> calls = new HashSet<>();
        for (Channel ch : pbx.liveChannels()) {
            calls.add(ch.linkedid);
            out.add(String.format(Locale.ROOT, "%-64.64s %-32.32s %-7.7s %-30.30s", ch.name,
                    ch.exten + "@" + ch.context + ":" + ch.priority, ch.stateDesc(), ch.application + "(" + ch.data + ")"));
        }
        int n = pbx.liveChannels().size();
        out.add(n + " active channel" + (n == 1 ? "" : "s"));
        out.add(calls.size() + " active call" + (calls.size() == 1 ? "" : "s"));
        out.add(pbx.callsProcessed + " call" + (pbx.callsProcessed == 1 ? "" : "s") + " processed");
        return out;
    }

    private Result queueShow(String name) {
        List<String> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (CallQueue q : pbx.queues.values()) {
            if (name != null && !q.name.equals(name)) {
                continue;
            }
            String sl = q.completed > 0 ? "100.0" : "0.0";
            out.add(q.name + " has " + q.callers.size() + " calls (max unlimited) in '" + q.strategy + "' strategy ("
                    + q.holdtime() + "s holdtime, " + q.talktime() + "s talktime), W:0, C:" + q.completed + ", A:"
                    + q.abandoned + ", SL:" + sl + "%, SL2:" + sl + "% within 0s");
            if (q.members.isEmpty()) {
                out.add("   No Members");
            } else {
                out.add("   Members: ");
                for (QueueMember m : q.members) {
                    String taken = m.callsTaken == 0 ? "has taken no calls yet"
                            : "has taken " + m.callsTaken + " calls (last was " + (now / 1000 - m.lastCall) + " secs ago)";
                    out.add("      " + m.name + " (" + m.iface + ")" + (m.membership.equals("dynamic") ? " (dynamic)" : "")
                            + " (ringinuse disabled)" + (m.paused ? " (paused)" : "") + (m.inCall ? " (in call)" : "")
                            + " (" + (m.status(pbx) == 1 ? "Not in use" : "In use") + ") " + taken
                            + " (login was " + (now / 1000 - m.loginTime) + " secs ago)");
                }
            }
            if (q.callers.isEmpty()) {
                out.add("   No Callers");
            } else {
                out.add("   Callers: ");
                int pos = 1;
                for (QueueCall qc : q.callers) {
                    long wait = (now - qc.joinedMillis) / 1000;
                    out.add("      " + pos++ + ". " + qc.caller.name + " (wait: " + wait / 60 + ":"
                            + String.format(Locale.ROOT, "%02d", wait % 60) + ", prio: 0)");
                }
            }
            out.add("");
        }
        if (out.isEmpty()) {
            return new Result(true, List.of("No such queue: " + name + "."));
        }
        return new Result(true, out);
    }

    private Result dialplanShow(String context) {
        List<String> contexts = new ArrayList<>();
        int extensions = 0;
        int priorities = 0;
        for (String ctx : pbx.dialplan.contextNames()) {
            if (context == null || ctx.equals(context)) {
                contexts.add(ctx);
                int[] size = pbx.dialplan.size(ctx);
                extensions += size[0];
                priorities += size[1];
            }
        }
        if (contexts.isEmpty()) {
            return new Result(false, List.of("There is no existence of '" + context + "' context"));
        }
        String summary = "-= " + extensions + " extension" + (extensions == 1 ? "" : "s") + " (" + priorities + " priorit"
                + (priorities == 1 ? "y" : "ies") + ") in " + contexts.size() + " context"
                + (contexts.size() == 1 ? "" : "s") + ". =-";
        return new Result(true, new DialplanListing(pbx.dialplan, contexts, summary));
    }
}
