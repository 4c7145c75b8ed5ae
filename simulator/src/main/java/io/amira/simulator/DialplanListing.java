package io.amira.simulator;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The lines of "dialplan show", formatted like Asterisk 22 (transcript 05) and made as they are
 * read, so a context of a million extensions streams without being held in memory.
 */
final class DialplanListing implements Iterator<String> {
    private final Dialplan dialplan;
    private final Iterator<String> contexts;
    private final String summary;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private Iterator<Map.Entry<String, List<Dialplan.Step>>> extensions;
    private boolean summarized;

    DialplanListing(Dialplan dialplan, List<String> contexts, String summary) {
        this.dialplan = dialplan;
        this.contexts = contexts.iterator();
        this.summary = summary;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public String next() {
        fill();
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private static StringBuilder pad(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private void fill() {
        while (pending.isEmpty()) {
            if (extensions != null && extensions.hasNext()) {
                Map.Entry<String, List<Dialplan.Step>> e = extensions.next();
                int p = 1;
                for (Dialplan.Step step : e.getValue()) {
                    // "  %-17s %-45s [extensions.conf:%d]", without String.format's cost on a million lines
                    StringBuilder sb = new StringBuilder(90).append("  ");
                    pad(sb, p == 1 ? "'" + e.getKey() + "' =>" : "", 17).append(' ');
                    pad(sb, p + ". " + step, 45).append(" [extensions.conf:").append(step.line).append(']');
                    pending.add(sb.toString());
                    p++;
                }
            } else if (extensions != null) {
                extensions = null;
                pending.add("");
            } else if (contexts.hasNext()) {
                String context = contexts.next();
                extensions = dialplan.extensions(context).iterator();
                pending.add("[ Context '" + context + "' created by 'pbx_config' ]");
            } else if (!summarized) {
                summarized = true;
                pending.add(summary);
            } else {
                return;
            }
        }
    }
}
