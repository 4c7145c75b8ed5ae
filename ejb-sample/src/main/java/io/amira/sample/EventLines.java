package io.amira.sample;

import io.amira.api.AmiEvent;

/** Renders a call event as one readable log line. */
final class EventLines {

    private EventLines() {
    }

    static String describe(AmiEvent event) {
        StringBuilder line = new StringBuilder(96).append(event.name()).append(' ').append(event.get("Channel"));
        append(line, "state", event.get("ChannelStateDesc"));
        append(line, "exten", exten(event));
        append(line, "callerid", event.get("CallerIDNum"));
        append(line, "cause", event.get("Cause-txt"));
        append(line, "call", event.get("Linkedid"));
        return line.toString();
    }

    private static String exten(AmiEvent event) {
        String exten = event.get("Exten");
        String context = event.get("Context");
        if (exten == null || exten.isEmpty()) {
            return null;
        }
        return context == null || context.isEmpty() ? exten : exten + "@" + context;
    }

    private static void append(StringBuilder line, String label, String value) {
        if (value != null && !value.isEmpty() && !"<unknown>".equals(value)) {
            line.append(' ').append(label).append('=').append(value);
        }
    }
}
